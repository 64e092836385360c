import Foundation

/// Divergence: the references a practitioner uses (the chance-level loss ln K, the loss at the
/// start, the run's own minimum) and the ways a too-large η shows.
extension Diagnoser {
  /// The cross-entropy of guessing, ln K (−ln of chance accuracy), when K is known or inferred and
  /// the logged loss is a plain cross-entropy (no large L2 penalty in it).
  func chanceLoss(_ curves: Curves) -> Double? {
    guard let chance = curves.chanceAccuracy, chance > 0, chance < 1,
      (options.weightDecay ?? 0) < DiagnosisThresholds.penaltyHidesChanceLoss
    else { return nil }
    return -log(chance)
  }

  /// 1/K when the log does not give K but the accuracy sits at 1/K for an integer K over the last
  /// half of the run (a network that learned nothing, or labels that cannot be learned).
  static func inferredChance(_ curves: Curves) -> Double? {
    let accuracy =
      curves.validationAccuracy.count >= 4 ? curves.validationAccuracy : curves.accuracy
    guard accuracy.count >= 4 else { return nil }
    let late = Array(accuracy.values.suffix(accuracy.count / 2)).sorted()
    let typical = late[late.count / 2]
    guard typical > 0.0009, typical < 0.6 else { return nil }
    let classes = (1 / typical).rounded()
    guard classes >= 2, classes <= 1000,
      abs(typical - 1 / classes) <= max(DiagnosisThresholds.inferredChanceTolerance, 0.05 / classes)
    else { return nil }
    return 1 / classes
  }

  func divergence(_ curves: Curves) -> Verdict? {
    for (name, series) in [
      (MetricName.loss, curves.loss), (MetricName.validationLoss, curves.validationLoss),
    ] {
      guard let bad = series.firstNonFinite else { continue }
      var evidence = "\(name) became \(JSONText.number(bad.value)) at epoch \(bad.epoch)"
      if let last = series.values.last, let epoch = series.epochs.last {
        evidence += " (last finite value \(EvidenceFormat.value(last)) at epoch \(epoch))"
      }
      return Verdict(
        kind: .divergence, onsetEpoch: bad.epoch, confidence: 1, evidence: evidence,
        advice: advice(for: .divergence))
    }
    if let overflow = gradientOverflow(curves) { return overflow }
    if let blowUp = blowUp(curves) { return blowUp }
    if let stuck = saturatedDivergence(curves) { return stuck }
    return growth(curves)
  }

  /// A train loss that ends above where it started and far above its minimum.
  private func growth(_ curves: Curves) -> Verdict? {
    let limits = DiagnosisThresholds.self
    let (name, series) =
      curves.loss.count >= 3
      ? (MetricName.loss, curves.loss) : (MetricName.validationLoss, curves.validationLoss)
    guard series.count >= 3 else { return nil }
    let values = series.values
    let first = values[0]
    let tail = Array(values.suffix(min(3, values.count - 1))).sorted()
    let end = tail[tail.count / 2]
    var minIndex = 0
    for i in values.indices where values[i] < values[minIndex] { minIndex = i }
    let least = values[minIndex]
    guard first > 0, least > 0, minIndex < values.count - 1 else { return nil }
    let grows =
      (end > limits.growthOverStart * first && end > limits.growthOverMinimum * least)
      || (end > first && end > limits.growthOverMinimumFromBelowStart * least)
    guard grows else { return nil }
    // A loss that grew while it swings up and down every epoch is oscillation, unless it ends far
    // above where it started.
    if end < limits.growthOverStart * first, oscillation(curves, largeOnly: true) != nil {
      return nil
    }
    let onset = series.epochs[minIndex + 1]
    let factor = end / least
    return Verdict(
      kind: .divergence, onsetEpoch: onset, confidence: min(0.95, 0.6 + 0.1 * log2(factor)),
      evidence:
        "\(name) grew \(EvidenceFormat.value(factor))× from its minimum \(EvidenceFormat.value(least)) at epoch \(series.epochs[minIndex]) to \(EvidenceFormat.value(end)), above its start \(EvidenceFormat.value(first))",
      advice: advice(for: .divergence))
  }

  /// A loss far above the chance loss: a step overshot. Divergence when it happened in the first
  /// epoch so far above chance that no healthy run starts there, or when the network was dead
  /// after it (accuracy at chance, or frozen on one class) — swinging or flat, it learned nothing.
  private func blowUp(_ curves: Curves) -> Verdict? {
    let limits = DiagnosisThresholds.self
    let loss = curves.loss
    guard let guessing = chanceLoss(curves),
      let peak = loss.values.indices.max(by: { loss.values[$0] < loss.values[$1] }),
      loss.values[peak] >= limits.blowUpOverChance * guessing,
      !curves.accuracy.isEmpty || !curves.validationAccuracy.isEmpty  // a classification loss
    else { return nil }
    let ratio = loss.values[peak] / guessing
    let reference =
      "\(EvidenceFormat.value(ratio))× the loss of guessing (ln \(Int((1 / (curves.chanceAccuracy ?? 1)).rounded())) = \(EvidenceFormat.value(guessing)))"
    let first = loss.values[0]
    if first / guessing >= limits.neverHealthyOverChance {
      // The early overshoot of an η in the oscillation band that did not kill the network: it
      // learned and zig-zags by a large amount. Oscillation (lower η), not a dead network.
      if first / guessing < limits.recoveredBlowUpBelowChance
        || (peak == 0 && stillOvershooting(curves, guessing)),
        recovered(curves, guessing: guessing),
        oscillation(curves, largeOnly: true) != nil
      {
        return nil
      }
      return Verdict(
        kind: .divergence, onsetEpoch: loss.epochs[0], confidence: 0.9,
        evidence:
          "loss \(EvidenceFormat.value(first)) in the first epoch, \(EvidenceFormat.value(first / guessing))× the loss of guessing: the first steps blew the weights up",
        advice: advice(for: .divergence))
    }
    guard let dead = deadAfterBlowUp(curves, epoch: loss.epochs[peak]) else { return nil }
    return Verdict(
      kind: .divergence, onsetEpoch: loss.epochs[peak], confidence: 0.9,
      evidence:
        "loss \(EvidenceFormat.value(loss.values[peak])) at epoch \(loss.epochs[peak]), \(reference); since then \(dead): a too-large η killed the network",
      advice: advice(for: .divergence))
  }

  /// Whether the network recovered from a blow-up: over its last third (medians) the accuracy is
  /// at least `recoveredAccuracyAboveChance` of the way from chance to 100%, and the loss is under
  /// `recoveredLossOverChance`× the loss of guessing. (A loss back under ln K with the accuracy at
  /// chance is a dead network, not a recovered one.)
  private func recovered(_ curves: Curves, guessing: Double) -> Bool {
    let limits = DiagnosisThresholds.self
    guard let loss = Self.lateMedian(curves.loss), loss < limits.recoveredLossOverChance * guessing
    else { return false }
    let accuracy = curves.accuracy.isEmpty ? curves.validationAccuracy : curves.accuracy
    guard let chance = curves.chanceAccuracy, let late = Self.lateMedian(accuracy) else {
      return false
    }
    return late >= chance + limits.recoveredAccuracyAboveChance * (1 - chance)
  }

  /// Whether a network that blew up in its first epoch (and never went higher) still overshoots at
  /// the end: over its last third the train loss (median) is still at or above ln K though the
  /// accuracy recovered (`recovered`) — confidently wrong on the rows it misses, the logits blown
  /// up by steps that are still too large. A run made to diverge that recovered settles far below
  /// ln K (the eighth round: on the tuning data every such run ends at 0.66 × ln K or below;
  /// holdout-6's SGD η 2 runs on linear Fashion-MNIST, made to oscillate, start at 6.8–8.8 × ln K
  /// and end at 1.8 × ln K with 82% train accuracy and a val_loss that zig-zags 2–3×).
  private func stillOvershooting(_ curves: Curves, _ guessing: Double) -> Bool {
    Self.lateMedian(curves.loss).map { $0 >= guessing } ?? false
  }

  /// The median of a series' last third (its upper middle value for an even count), nil when empty.
  private static func lateMedian(_ series: MetricSeries) -> Double? {
    let tail = Array(series.values.suffix(max(1, series.count / 3))).sorted()
    return tail.isEmpty ? nil : tail[tail.count / 2]
  }

  /// How the network shows it is dead after the blow-up at `epoch`, if it does: its accuracy stays
  /// at chance, or frozen on one class.
  private func deadAfterBlowUp(_ curves: Curves, epoch: Int) -> String? {
    let limits = DiagnosisThresholds.self
    // The train accuracy: a dead network cannot even fit its training rows (one that memorizes
    // them while the val accuracy stays at chance is overfitting, not dead).
    let source = curves.accuracy.isEmpty ? curves.validationAccuracy : curves.accuracy
    let after = zip(source.epochs, source.values).filter { $0.0 >= epoch }.map(\.1)
    guard !after.isEmpty else {
      return curves.epochCount < 2 ? "it has had no epoch to recover" : nil
    }
    let typical = after.sorted()[after.count / 2]
    if let chance = curves.chanceAccuracy,
      typical <= chance + limits.deadAccuracyAboveChance * (1 - chance)
    {
      return
        "accuracy stayed at \(EvidenceFormat.accuracy(typical)) (chance \(EvidenceFormat.accuracy(chance)))"
    }
    if after.count >= 4, let high = after.max(), let low = after.min(),
      high - low <= limits.frozenAccuracyRange
    {
      return "accuracy frozen at \(EvidenceFormat.accuracy(high)) (one class predicted)"
    }
    return nil
  }

  /// A non-finite `grad_norm`: the gradients overflowed, so the update wrote ∞/NaN into the
  /// weights even when the epoch's mean loss was still finite (the run stops there).
  private func gradientOverflow(_ curves: Curves) -> Verdict? {
    guard let bad = curves.gradientNorm.firstNonFinite else { return nil }
    var evidence =
      "grad_norm became \(JSONText.number(bad.value)) at epoch \(bad.epoch): the gradients overflowed"
    if let loss = curves.loss.values.last, let epoch = curves.loss.epochs.last {
      evidence += " (loss \(EvidenceFormat.value(loss)) at epoch \(epoch))"
    }
    return Verdict(
      kind: .divergence, onsetEpoch: bad.epoch, confidence: 0.95, evidence: evidence,
      advice: advice(for: .divergence))
  }

  /// A classification loss stuck far above the chance loss: the weights blew up and the softmax
  /// saturated (the clipped-probability ceiling is about 14.5–16).
  private func saturatedDivergence(_ curves: Curves) -> Verdict? {
    guard let guessing = chanceLoss(curves), curves.loss.count >= 3,
      !curves.accuracy.isEmpty || !curves.validationAccuracy.isEmpty
    else { return nil }
    let tail = Array(curves.loss.values.suffix(max(1, curves.loss.count / 3))).sorted()
    let typical = tail[tail.count / 2]
    let limit = DiagnosisThresholds.saturatedOverChance * guessing
    guard typical >= limit else { return nil }
    let onset = curves.loss.values.firstIndex { $0 >= limit }.map { curves.loss.epochs[$0] }
    return Verdict(
      kind: .divergence, onsetEpoch: onset, confidence: 0.9,
      evidence:
        "loss stays at \(EvidenceFormat.value(typical)), \(EvidenceFormat.value(typical / guessing))× the loss of guessing (ln \(Int((1 / (curves.chanceAccuracy ?? 1)).rounded())) = \(EvidenceFormat.value(guessing))): the weights blew up",
      advice: advice(for: .divergence))
  }
}
