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
/// evidence and SPEC.md's advice.
///
/// Every rule is relative and scale-free (changes as fractions of the series' own level, fall or
/// typical step; accuracies against chance), so a loss of 2.3 and one of 0.002 are judged alike.
/// Rules only speak when the evidence is clear — a healthy run gets one `healthy` verdict:
/// - divergence: a NaN/∞ loss or `grad_norm` (at once), or a train loss that ends above where it
///   started and far above its minimum;
/// - overfitting: val_loss up ≥ 10% from its (smoothed) minimum, by more than 2 typical steps, for
///   ≥ 3 epochs, while the train loss did not rise and the val−train gap widened by at least half
///   the rise; or, from accuracies once val_loss has stopped falling (< 5% over the last third),
///   val error ≥ 3× train error with a gap ≥ 5 points (the notes' 1% vs 10%);
/// - underfitting: train and val error both ≥ 10%, val error at most 3 points (or a quarter) above
///   the train error, above chance, and the train loss flat: over its last third it moved < 2% of
///   its level, or < 15% of its whole fall and < 1% of its level per epoch — the first epoch's drop
///   from the random start alone does not make a still-falling loss flat (the notes' 14% vs 15%);
/// - oscillation: in the second half, val_loss changes direction at least every other epoch with
///   steps ≥ 20% of its level, ≥ 10% of its fall from the start and ≥ 3× its net drift;
/// - plateau: the train loss improved < 5% over the whole run (≥ 8 epochs) without climbing 20%
///   above its start, or accuracy never rose clearly above chance;
/// - from extra signals: `grad_norm` ≥ 10× its early level or non-finite (exploding), per-layer
///   `grad_norm/<layer>` spread ≥ 1000× or a collapse of `grad_norm` with the loss still high
///   (vanishing), `dead_relu` ≥ 50% (dead ReLUs).
///
/// - Complexity: O(n) in the number of epochs, plus a sort of at most 256 steps per series.
package struct Diagnoser: Sendable {
  package struct Options: Sendable, Equatable {
    /// The accuracy of guessing (1/K for K balanced classes), when known.
    package var chanceAccuracy: Double?
    package init(chanceAccuracy: Double? = nil) {
      self.chanceAccuracy = chanceAccuracy
    }
    /// Chance accuracy for `classCount` balanced classes.
    package init(classCount: Int?) {
      chanceAccuracy = classCount.flatMap { $0 > 1 ? 1 / Double($0) : nil }
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
  }

  /// Diagnoses `records` (oldest first, epochs numbered as in the source).
  package func diagnose(_ records: [EpochRecord]) -> Diagnosis {
    let curves = Self.curves(of: records)
    var verdicts: [Verdict] = []
    if let divergence = divergence(curves) {
      verdicts.append(divergence)
    } else {
      verdicts += [overfitting(curves), underfitting(curves), plateau(curves), oscillation(curves)]
        .compactMap { $0 }
    }
    verdicts = resolveConflicts(verdicts)
    verdicts.sort { rank($0) < rank($1) || (rank($0) == rank($1) && $0.confidence > $1.confidence) }
    let label = verdicts.first?.kind ?? .healthy
    verdicts += signals(curves)
    if label == .healthy { verdicts.insert(healthy(curves), at: 0) }
    return Diagnosis(verdicts: verdicts, label: label)
  }

  /// Divergence always first; the other primary verdicts by confidence; gradient signals after.
  private func rank(_ verdict: Verdict) -> Int {
    verdict.kind == .divergence ? 0 : 1
  }

  /// Keeps the verdicts that can hold together: a run without progress is a plateau, not
  /// underfitting; a zig-zag is oscillation unless the rise after the minimum is clearly larger.
  private func resolveConflicts(_ verdicts: [Verdict]) -> [Verdict] {
    var kept = verdicts
    if kept.contains(where: { $0.kind == .plateau }) { kept.removeAll { $0.kind == .underfitting } }
    if let over = kept.first(where: { $0.kind == .overfitting }),
      let swing = kept.first(where: { $0.kind == .oscillation }), swing.confidence > over.confidence
    {
      kept.removeAll { $0.kind == .overfitting }
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
          curves.layerGradientNorms[layer, default: MetricSeries()].append(epoch: epoch, value: value)
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
    for (name, series) in [(MetricName.loss, curves.loss), (MetricName.validationLoss, curves.validationLoss)]
    where series.count >= 2 {
      let first = series.values[0]
      let last = series.values[series.count - 1]
      guard first != 0 else { continue }
      let change = (first - last) / abs(first)
      parts.append("\(name) \(change >= 0 ? "fell" : "rose") \(EvidenceFormat.percent(abs(change))) over \(series.count) epochs")
    }
    if let accuracy = curves.validationAccuracy.values.last {
      parts.append("val_accuracy \(EvidenceFormat.accuracy(accuracy))")
    }
    let enough = curves.epochCount >= 5
    let evidence = enough
      ? (parts.isEmpty ? "no sign of trouble" : parts.joined(separator: "; "))
      : "only \(curves.epochCount) epoch\(curves.epochCount == 1 ? "" : "s") so far: too early to judge"
    return Verdict(
      kind: .healthy, onsetEpoch: nil, confidence: enough ? 0.7 : 0.3, evidence: evidence,
      advice: Advice.text(for: .healthy))
  }
}
