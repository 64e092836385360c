import Foundation

/// The result of diagnosing a history: findings, most important first, and the one label a careful
/// person would give the run.
package struct Diagnosis: Sendable, Equatable {
  package var verdicts: [Verdict]
  /// One of healthy, overfitting, underfitting, divergence, oscillation, plateau.
  package var label: VerdictKind

  package init(verdicts: [Verdict], label: VerdictKind) {
    self.verdicts = verdicts
    self.label = label
  }
}

/// Reads a metric history and says what is going on, in words, with onset epoch, confidence,
/// evidence and SPEC.md's advice (naming only what the run is not already doing).
///
/// Every rule is relative and scale-free (changes as ratios or fractions of the series' own level,
/// its fall or typical step; losses against the chance-level loss ln K; accuracies against chance),
/// so a loss of 2.3 and one of 0.002 are judged alike. Rules only speak when the evidence is
/// clear — a healthy run gets one `healthy` verdict. The numbers they compare against are the named
/// constants of `DiagnosisThresholds`, each documented there:
/// - too early: fewer than `minimumEpochs` epochs and no divergence — `tooEarly`, not `healthy`;
/// - divergence: a NaN/∞ loss or `grad_norm` (at once); a first-epoch loss far above the chance
///   loss ln K (K from the run's class count, or inferred when accuracy sits at 1/K) — at once when
///   it is `neverHealthyOverChance`× ln K (unless, below `recoveredBlowUpBelowChance`× ln K, the
///   network learned and zig-zags by a large amount), else when the network then stayed dead (loss
///   near chance, accuracy at chance or frozen on one class); a loss stuck far above ln K
///   (saturated softmax); or a train loss that ends above where it started and far above its
///   minimum (unless it zig-zags by a large amount and ends under 1.5× its start). Only a large
///   zig-zag overrules a divergence rule: a moderate one or one spike never does;
/// - overfitting: val_loss up from its (smoothed) minimum, by more than a few typical steps, for
///   ≥ 5 epochs (`overfitEpochsSinceMinimum`), after it learned (val_loss fell first, or the train loss halved), while the train
///   loss did not rise and the val−train gap widened by at least half the rise; or, from accuracies
///   once val_loss has stopped falling, val error a multiple of the train error (the notes' 1% vs 10%);
///   or mild overfitting that flickers: val_loss zig-zags moderately around a level above its
///   (averaged) minimum while the train loss falls smoothly and steadily;
/// - underfitting: train and val error both high, the gap small, above chance, the train loss flat
///   over its last third (the notes' 14% vs 15%) — or, after many epochs, a train error twice the
///   bar whether or not the loss still creeps down; the first epoch's drop alone does not make a
///   still-falling loss flat;
/// - oscillation: over the last two thirds, val_loss or the train loss swings up and down by a large
///   ratio from epoch to epoch (or spikes to twice its level), changing direction often, with swings
///   that are not tiny next to the loss's fall from its start — or by a moderate ratio with swings
///   that stand out next to that fall; or, after the run's first quarter, val_loss jumps in one
///   epoch to several times its level and comes back (one step overshot, even with the train loss
///   falling smoothly and the net trend down); or val_loss climbs from its minimum while both curves zig-zag (the steps overshoot;
///   memorizing lowers the train loss smoothly); or the train loss ends well above its own best
///   (a step threw the network off the minimum it had found). A first-epoch blow-up just above the never-healthy
///   line that the network recovered from (accuracy well above chance, loss under 2× ln K) followed
///   by a large zig-zag is oscillation too, and so is a higher one, never exceeded later, after
///   which the train loss still sits at or above ln K (the steps still overshoot); and, when no
///   other rule spoke, a zig-zagging val_loss that ends 20% above a best set over 30% of the run
///   ago (`stalledAboveItsBest`: never healthy);
/// - plateau: the train loss improved almost nothing over the whole run; or accuracy never rose
///   clearly above chance; or the slow crawl — a small, steady fall per epoch, as fast at the end
///   as in the first half, with most of the loss still there and, when ln K is known, at least
///   half of it;
/// - from extra signals: `grad_norm` growing far above its early level or non-finite (exploding),
///   per-layer `grad_norm/<layer>` spread or a collapse of `grad_norm` with the loss still high
///   (vanishing), many dead ReLUs in a run that does not learn well (dead ReLUs).
///
/// - Complexity: O(n) in the number of epochs, plus a sort of at most 256 steps per series.
package struct Diagnoser: Sendable {
  package struct Options: Sendable, Equatable {
    /// The accuracy of guessing (1/K for K balanced classes), when known.
    package var chanceAccuracy: Double?
    /// The run's weight initializer as its configuration names it (`he`, `xavier`, `auto`, …),
    /// lower-cased; nil when unknown. Advice never suggests what the run already does.
    package var initializer: String?
    /// The hidden activation (`relu`, `sigmoid`, …), lower-cased; nil when unknown.
    package var activation: String?
    /// The optimizer (`sgd`, `adam`, …), lower-cased; nil when unknown.
    package var optimizer: String?
    /// The L2 weight decay λ, when known: a large one puts ½λΣw² into the logged loss, which is
    /// then no longer comparable with the chance loss ln K.
    package var weightDecay: Double?

    package init(chanceAccuracy: Double? = nil) {
      self.chanceAccuracy = chanceAccuracy
    }
    /// Chance accuracy for `classCount` balanced classes, and the initializer, activation and
    /// optimizer from a run's configuration (`init`, `activation`, `optimizer` keys) when it has them.
    package init(classCount: Int?, configuration: [RunDescription.KeyValue] = []) {
      chanceAccuracy = classCount.flatMap { $0 > 1 ? 1 / Double($0) : nil }
      func value(_ keys: String...) -> String? {
        configuration.last { keys.contains($0.key.lowercased()) }.map { $0.value.lowercased() }
      }
      initializer = value("init", "initializer", "kernel_initializer")
      activation = value("activation")
      optimizer = value("optimizer")
      weightDecay = value("l2", "weight_decay").flatMap(Double.init)
    }

    /// Whether the run already uses He (Kaiming) initialization for ReLU-like units: said so, or
    /// dltop's `auto` with a ReLU-like activation (or none named: ReLU is dltop's default).
    var usesHeInitialization: Bool {
      guard let initializer else { return false }
      if initializer.hasPrefix("he") || initializer.contains("kaiming") { return true }
      let reluLike = activation.map { $0.contains("relu") || $0 == "swish" } ?? true
      return initializer == "auto" && reluLike
    }
  }

  package var options: Options

  package init(options: Options = Options()) {
    self.options = options
  }

  /// The series of one history that the rules read.
  struct Curves {
    var loss = MetricSeries()
    var validationLoss = MetricSeries()
    var accuracy = MetricSeries()
    var validationAccuracy = MetricSeries()
    var gradientNorm = MetricSeries()
    var layerGradientNorms: [String: MetricSeries] = [:]
    var deadReLU = MetricSeries()
    var updateRatio = MetricSeries()
    var firstEpoch: Int?
    var epochCount = 0
    /// 1/K: from the options, else inferred from an accuracy that sits at 1/K.
    var chanceAccuracy: Double?
  }

  /// Diagnoses `records` (oldest first, epochs numbered as in the source).
  package func diagnose(_ records: [EpochRecord]) -> Diagnosis {
    var curves = Self.curves(of: records)
    curves.chanceAccuracy = options.chanceAccuracy ?? Self.inferredChance(curves)
    var verdicts: [Verdict] = []
    if let divergence = divergence(curves) {
      verdicts.append(divergence)
    } else if curves.epochCount < DiagnosisThresholds.minimumEpochs {
      return Diagnosis(verdicts: [tooEarly(curves)] + signals(curves), label: .tooEarly)
    } else {
      verdicts += [overfitting(curves), underfitting(curves), plateau(curves), oscillation(curves)]
        .compactMap { $0 }
    }
    verdicts = resolveConflicts(verdicts)
    if verdicts.isEmpty, let stalled = stalledAboveItsBest(curves) { verdicts = [stalled] }
    verdicts.sort { rank($0) < rank($1) || (rank($0) == rank($1) && $0.confidence > $1.confidence) }
    let label = verdicts.first?.kind ?? .healthy
    verdicts += signals(curves)
    if label == .healthy { verdicts.insert(healthy(curves), at: 0) }
    return Diagnosis(verdicts: verdicts, label: label)
  }

  /// The advice for `kind` for this run (what it is not already doing).
  func advice(for kind: VerdictKind) -> String {
    Advice.text(for: kind, given: options)
  }

  /// Divergence always first; the other primary verdicts by confidence; gradient signals after.
  private func rank(_ verdict: Verdict) -> Int {
    verdict.kind == .divergence ? 0 : 1
  }

  /// Keeps the verdicts that can hold together: a run without progress is a plateau, not
  /// underfitting; a run that zig-zags is oscillation (a too-large η is the first thing to fix),
  /// not overfitting or underfitting.
  private func resolveConflicts(_ verdicts: [Verdict]) -> [Verdict] {
    var kept = verdicts
    if kept.contains(where: { $0.kind == .plateau }) { kept.removeAll { $0.kind == .underfitting } }
    if kept.contains(where: { $0.kind == .oscillation }) {
      kept.removeAll { $0.kind == .overfitting || $0.kind == .underfitting || $0.kind == .plateau }
    }
    return kept
  }

  static func curves(of records: [EpochRecord]) -> Curves {
    var curves = Curves()
    curves.firstEpoch = records.first?.epoch
    curves.epochCount = records.count
    for series in [\Curves.loss, \.validationLoss, \.accuracy, \.validationAccuracy] {
      curves[keyPath: series].reserve(records.count)
    }
    for record in records {
      let epoch = record.epoch
      for (name, value) in record.metrics {
        switch MetricName(name).kind {
        case .loss: curves.loss.append(epoch: epoch, value: value)
        case .validationLoss: curves.validationLoss.append(epoch: epoch, value: value)
        case .accuracy: curves.accuracy.append(epoch: epoch, value: value)
        case .validationAccuracy: curves.validationAccuracy.append(epoch: epoch, value: value)
        case .gradientNorm: curves.gradientNorm.append(epoch: epoch, value: value)
        case .layerGradientNorm(let layer):
          curves.layerGradientNorms[layer, default: MetricSeries()].append(
            epoch: epoch, value: value)
        case .deadReLU: curves.deadReLU.append(epoch: epoch, value: value)
        case .updateRatio: curves.updateRatio.append(epoch: epoch, value: value)
        case .learningRate, .weightNorm, .samplesPerSecond, .foreign: continue
        }
      }
    }
    return curves
  }

  private func healthy(_ curves: Curves) -> Verdict {
    var parts: [String] = []
    for (name, series) in [
      (MetricName.loss, curves.loss), (MetricName.validationLoss, curves.validationLoss),
    ]
    where series.count >= 2 {
      let first = series.values[0]
      let last = series.values[series.count - 1]
      guard first != 0 else { continue }
      let change = (first - last) / abs(first)
      parts.append(
        "\(name) \(change >= 0 ? "fell" : "rose") \(EvidenceFormat.percent(abs(change))) over \(series.count) epochs"
      )
    }
    if let accuracy = curves.validationAccuracy.values.last {
      parts.append("val_accuracy \(EvidenceFormat.accuracy(accuracy))")
    }
    return Verdict(
      kind: .healthy, onsetEpoch: nil, confidence: 0.7,
      evidence: parts.isEmpty ? "no sign of trouble" : parts.joined(separator: "; "),
      advice: advice(for: .healthy))
  }

  /// Fewer epochs than the rules need: say so instead of calling the run healthy.
  private func tooEarly(_ curves: Curves) -> Verdict {
    var evidence =
      "only \(curves.epochCount) epoch\(curves.epochCount == 1 ? "" : "s") so far: too early to tell a healthy run from overfitting, a plateau or oscillation"
    if let accuracy = curves.validationAccuracy.values.last ?? curves.accuracy.values.last {
      evidence += " (accuracy \(EvidenceFormat.accuracy(accuracy))"
      if let chance = curves.chanceAccuracy {
        evidence += ", chance \(EvidenceFormat.accuracy(chance))"
      }
      evidence += ")"
    }
    return Verdict(
      kind: .tooEarly, onsetEpoch: nil, confidence: 0.5, evidence: evidence,
      advice: advice(for: .tooEarly))
  }
}
