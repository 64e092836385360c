import Foundation

/// The rules that read the loss and accuracy curves.
extension Diagnoser {
  func divergence(_ curves: Curves) -> Verdict? {
    for (name, series) in [(MetricName.loss, curves.loss), (MetricName.validationLoss, curves.validationLoss)] {
      guard let bad = series.firstNonFinite else { continue }
      var evidence = "\(name) became \(JSONText.number(bad.value)) at epoch \(bad.epoch)"
      if let last = series.values.last, let epoch = series.epochs.last {
        evidence += " (last finite value \(EvidenceFormat.value(last)) at epoch \(epoch))"
      }
      return Verdict(kind: .divergence, onsetEpoch: bad.epoch, confidence: 1, evidence: evidence, advice: Advice.text(for: .divergence))
    }
    if let overflow = gradientOverflow(curves) { return overflow }
    if let stuck = saturatedDivergence(curves) { return stuck }
    let (name, series) = curves.loss.count >= 3
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
    let grows = (end > 1.5 * first && end > 2 * least) || (end > first && end > 4 * least)
    guard grows else { return nil }
    let onset = series.epochs[minIndex + 1]
    let factor = end / least
    return Verdict(
      kind: .divergence, onsetEpoch: onset, confidence: min(1, 0.6 + 0.1 * log2(factor)),
      evidence: "\(name) grew \(EvidenceFormat.value(factor))× from its minimum \(EvidenceFormat.value(least)) at epoch \(series.epochs[minIndex]) to \(EvidenceFormat.value(end)), above its start \(EvidenceFormat.value(first))",
      advice: Advice.text(for: .divergence))
  }

  func overfitting(_ curves: Curves) -> Verdict? {
    if let verdict = lossOverfitting(curves) { return verdict }
    guard let errors = endErrors(curves), !validationLossStillFalling(curves) else { return nil }
    guard let verdict = Self.errorPairOverfitting(train: errors.train, validation: errors.validation, strict: true)
    else { return nil }
    var found = verdict
    found.onsetEpoch = gapOnset(curves)
    return found
  }

  private func lossOverfitting(_ curves: Curves) -> Verdict? {
    let val = curves.validationLoss
    let train = curves.loss
    guard val.count >= 6, train.count >= 3 else { return nil }
    let window = MetricSeries.window(for: val.count)
    let smooth = val.smoothed(window: window)
    var minIndex = 0
    for i in smooth.indices where smooth[i] < smooth[minIndex] { minIndex = i }
    let since = val.count - 1 - minIndex
    guard since >= max(3, window) else { return nil }
    let least = smooth[minIndex]
    let end = smooth[smooth.count - 1]
    let rise = end - least
    let scale = abs(least) > 0 ? abs(least) : abs(smooth[0])
    guard scale > 0, rise / scale >= 0.1, rise >= 2 * val.typicalStep() else { return nil }
    // It must have learned before it memorized: val_loss fell ≥ 5% from its start to its minimum.
    guard smooth[0] - least >= 0.05 * abs(smooth[0]) else { return nil }

    var rawMin = minIndex
    for i in max(0, minIndex - window + 1)...minIndex where val.values[i] < val.values[rawMin] { rawMin = i }
    let minEpoch = val.epochs[rawMin]
    let trainSmooth = train.smoothed(window: MetricSeries.window(for: train.count))
    guard let trainAt = train.index(atOrBefore: val.epochs[minIndex]) else { return nil }
    let trainThen = trainSmooth[trainAt]
    let trainEnd = trainSmooth[trainSmooth.count - 1]
    guard trainThen != 0 else { return nil }
    let fall = (trainThen - trainEnd) / abs(trainThen)
    guard fall >= -0.02 else { return nil }
    let gapThen = least - trainThen
    let gapEnd = end - trainEnd
    guard gapEnd > 0, gapEnd - gapThen >= 0.5 * rise else { return nil }

    let relativeRise = rise / scale
    let confidence = min(0.99, 0.55 + 0.25 * min(1, relativeRise / 0.3) + 0.2 * min(1, max(0, fall) / 0.3))
    // The decision reads smoothed curves; the text quotes raw values, the numbers the charts,
    // the header and the best epoch show (one story).
    let rawLeast = val.values[rawMin]
    let rawEnd = val.values[val.count - 1]
    let rawTrainThen = train.index(atOrBefore: minEpoch).map { train.values[$0] } ?? trainThen
    let rawTrainEnd = train.values[train.count - 1]
    let rawRise = rawLeast != 0 ? (rawEnd - rawLeast) / abs(rawLeast) : relativeRise
    let rawFall = rawTrainThen != 0 ? (rawTrainThen - rawTrainEnd) / abs(rawTrainThen) : fall
    let trend = rawFall >= 0.01 ? "fell \(EvidenceFormat.percent(rawFall))" : "stayed flat"
    var evidence = "val_loss \(rawRise >= 0 ? "up" : "down") \(EvidenceFormat.percent(abs(rawRise))) from its minimum \(EvidenceFormat.value(rawLeast)) at epoch \(minEpoch) to \(EvidenceFormat.value(rawEnd)) at epoch \(val.epochs[val.count - 1]) while loss \(trend); gap \(EvidenceFormat.value(rawLeast - rawTrainThen)) → \(EvidenceFormat.value(rawEnd - rawTrainEnd))"
    if let errors = endErrors(curves) {
      evidence += "; train error \(EvidenceFormat.accuracy(errors.train)) vs val error \(EvidenceFormat.accuracy(errors.validation))"
    }
    return Verdict(kind: .overfitting, onsetEpoch: minEpoch, confidence: confidence, evidence: evidence, advice: Advice.text(for: .overfitting))
  }

  /// Whether the smoothed val_loss fell ≥ 5% over the last third of the run (≥ 3 epochs): the
  /// model still generalizes better each epoch, whatever the accuracy gap.
  private func validationLossStillFalling(_ curves: Curves) -> Bool {
    let val = curves.validationLoss
    guard val.count >= 4 else { return false }
    let smooth = val.smoothed(window: MetricSeries.window(for: val.count))
    let recent = max(3, val.count / 3)
    let start = smooth[smooth.count - 1 - min(recent, smooth.count - 1)]
    return start - smooth[smooth.count - 1] >= 0.05 * abs(start)
  }

  /// The first epoch from which the accuracy gap stays above 5 points.
  private func gapOnset(_ curves: Curves) -> Int? {
    let train = curves.accuracy
    let val = curves.validationAccuracy
    var onset: Int?
    for (i, epoch) in val.epochs.enumerated() {
      guard let t = train.index(atOrBefore: epoch) else { continue }
      if train.values[t] - val.values[i] >= 0.05 {
        if onset == nil { onset = epoch }
      } else {
        onset = nil
      }
    }
    return onset
  }

  /// Train and val error (1 − accuracy) at the end, smoothed.
  func endErrors(_ curves: Curves) -> (train: Double, validation: Double)? {
    guard curves.accuracy.count >= 1, curves.validationAccuracy.count >= 1 else { return nil }
    let train = curves.accuracy.smoothed(window: min(3, curves.accuracy.count)).last ?? 0
    let val = curves.validationAccuracy.smoothed(window: min(3, curves.validationAccuracy.count)).last ?? 0
    guard (0...1).contains(train), (0...1).contains(val) else { return nil }
    return (1 - train, 1 - val)
  }

  func underfitting(_ curves: Curves) -> Verdict? {
    guard curves.epochCount >= 5, let errors = endErrors(curves),
      var verdict = Self.errorPairUnderfitting(train: errors.train, validation: errors.validation)
    else { return nil }
    let (name, train) = curves.loss.count >= 5
      ? (MetricName.loss, curves.loss) : (MetricName.accuracy, curves.accuracy)
    guard train.count >= 5 else { return nil }
    let values = train.values
    let recent = max(3, values.count / 3)
    let start = values[values.count - recent]
    let end = values[values.count - 1]
    let total = abs(values[0] - end)
    let recentChange = abs(start - end)
    let level = abs(end)
    let flat = total == 0 || recentChange <= 0.02 * level
      || (recentChange <= 0.15 * total && recentChange <= 0.01 * level * Double(recent))
    guard flat else { return nil }
    if let chance = options.chanceAccuracy, 1 - errors.train <= chance + 0.05 { return nil }
    verdict.onsetEpoch = train.epochs[values.count - recent]
    verdict.evidence += "; \(name) changed \(EvidenceFormat.percent(total == 0 ? 0 : recentChange / total)) of its total (\(EvidenceFormat.percent(level == 0 ? 0 : recentChange / level)) of its level) over the last \(recent) epochs"
    return verdict
  }

  func plateau(_ curves: Curves) -> Verdict? {
    let (name, series) = curves.loss.count >= 8
      ? (MetricName.loss, curves.loss) : (MetricName.validationLoss, curves.validationLoss)
    if series.count >= 8, series.values[0] > 0 {
      let first = series.values[0]
      let best = series.values.min() ?? first
      let gain = (first - best) / first
      let climb = ((series.values.max() ?? first) - first) / first
      if gain < 0.05, climb < 0.2 {
        var evidence = "\(name) improved only \(EvidenceFormat.percent(max(0, gain))) in \(series.count) epochs (\(EvidenceFormat.value(first)) → best \(EvidenceFormat.value(best)))"
        if let ratio = curves.updateRatio.values.last, ratio < 1e-5 {
          evidence += "; update/weight ratio \(EvidenceFormat.value(ratio)): steps are tiny"
        }
        return Verdict(kind: .plateau, onsetEpoch: series.epochs[0], confidence: min(0.95, 0.6 + (0.05 - max(0, gain)) * 7), evidence: evidence, advice: Advice.text(for: .plateau))
      }
    }
    if let chance = options.chanceAccuracy, curves.epochCount >= 8 {
      let accuracy = curves.validationAccuracy.count >= 8 ? curves.validationAccuracy : curves.accuracy
      if accuracy.count >= 8, let best = accuracy.values.max(), best <= chance + 0.05 * (1 - chance) {
        return Verdict(kind: .plateau, onsetEpoch: accuracy.epochs[0], confidence: 0.85, evidence: "accuracy never rose above \(EvidenceFormat.accuracy(best)) (chance is \(EvidenceFormat.accuracy(chance))) in \(accuracy.count) epochs", advice: Advice.text(for: .plateau))
      }
    }
    return nil
  }

  func oscillation(_ curves: Curves) -> Verdict? {
    let (name, series) = curves.validationLoss.count >= 8
      ? (MetricName.validationLoss, curves.validationLoss) : (MetricName.loss, curves.loss)
    guard series.count >= 8 else { return nil }
    let start = series.count / 2
    let window = Array(series.values[start...])
    var turns = 0
    var stepSum = 0.0
    var levelSum = 0.0
    var previous = 0.0
    for i in 1..<window.count {
      let step = window[i] - window[i - 1]
      stepSum += abs(step)
      if i > 1 && step * previous < 0 { turns += 1 }
      if step != 0 { previous = step }
    }
    for value in window { levelSum += abs(value) }
    let steps = Double(window.count - 1)
    let meanStep = stepSum / steps
    let level = levelSum / Double(window.count)
    let drift = abs(window[window.count - 1] - window[0]) / steps
    let turnRate = Double(turns) / max(1, steps - 1)
    // A jitter that is small next to how far the loss came down from its start is noise (1% of a
    // 100× fall); the whole range is no yardstick, as the zig-zag's own spikes widen it.
    let progress = series.values[0] - (series.values.min() ?? 0)
    guard level > 0, turnRate >= 0.5, meanStep >= 0.2 * level, progress <= 0 || meanStep >= 0.1 * progress,
      meanStep >= 3 * drift
    else { return nil }
    return Verdict(
      kind: .oscillation, onsetEpoch: series.epochs[start], confidence: min(0.95, 0.5 + turnRate * 0.3 + min(0.2, meanStep / level)),
      evidence: "\(name) changed direction \(turns) times in the last \(window.count) epochs, moving \(EvidenceFormat.percent(meanStep / level)) of its level per epoch on average (net drift \(EvidenceFormat.percent(drift / level)))",
      advice: Advice.text(for: .oscillation))
  }

  /// A non-finite `grad_norm`: the gradients overflowed, so the update wrote ∞/NaN into the
  /// weights even when the epoch's mean loss was still finite (the run stops there).
  private func gradientOverflow(_ curves: Curves) -> Verdict? {
    guard let bad = curves.gradientNorm.firstNonFinite else { return nil }
    var evidence = "grad_norm became \(JSONText.number(bad.value)) at epoch \(bad.epoch): the gradients overflowed"
    if let loss = curves.loss.values.last, let epoch = curves.loss.epochs.last {
      evidence += " (loss \(EvidenceFormat.value(loss)) at epoch \(epoch))"
    }
    return Verdict(kind: .divergence, onsetEpoch: bad.epoch, confidence: 0.95, evidence: evidence, advice: Advice.text(for: .divergence))
  }

  /// A classification loss stuck far above the cross-entropy of guessing (−ln of chance accuracy):
  /// the weights blew up in the first epoch and the softmax saturated. Needs the class count.
  private func saturatedDivergence(_ curves: Curves) -> Verdict? {
    guard let chance = options.chanceAccuracy, chance > 0, chance < 1, curves.loss.count >= 3,
      !curves.accuracy.isEmpty || !curves.validationAccuracy.isEmpty
    else { return nil }
    let guessing = -log(chance)
    let tail = Array(curves.loss.values.suffix(max(1, curves.loss.count / 3))).sorted()
    let typical = tail[tail.count / 2]
    guard typical >= 3 * guessing else { return nil }
    let onset = curves.loss.values.firstIndex { $0 >= 3 * guessing }.map { curves.loss.epochs[$0] }
    return Verdict(
      kind: .divergence, onsetEpoch: onset, confidence: 0.8,
      evidence: "loss stays at \(EvidenceFormat.value(typical)), \(EvidenceFormat.value(typical / guessing))× the loss of guessing (ln \(Int((1 / chance).rounded())) = \(EvidenceFormat.value(guessing))): the weights blew up",
      advice: Advice.text(for: .divergence))
  }
}
