import Foundation

/// The rules that read the loss and accuracy curves.
extension Diagnoser {
  func overfitting(_ curves: Curves) -> Verdict? {
    if let verdict = lossOverfitting(curves) ?? flickeringOverfitting(curves) { return verdict }
    guard let errors = endErrors(curves), !validationLossStillFalling(curves) else { return nil }
    guard
      let verdict = Self.errorPairOverfitting(
        train: errors.train, validation: errors.validation, strict: true)
    else { return nil }
    var found = verdict
    found.onsetEpoch = gapOnset(curves)
    found.advice = advice(for: .overfitting)
    return found
  }

  func lossOverfitting(_ curves: Curves) -> Verdict? {
    let val = curves.validationLoss
    let train = curves.loss
    guard val.count >= 6, train.count >= 3 else { return nil }
    let window = MetricSeries.window(for: val.count)
    let smooth = val.smoothed(window: window)
    var minIndex = 0
    for i in smooth.indices where smooth[i] < smooth[minIndex] { minIndex = i }
    let since = val.count - 1 - minIndex
    guard since >= max(DiagnosisThresholds.overfitEpochsSinceMinimum, window) else { return nil }
    let least = smooth[minIndex]
    let end = smooth[smooth.count - 1]
    let rise = end - least
    let scale = abs(least) > 0 ? abs(least) : abs(smooth[0])
    let limits = DiagnosisThresholds.self
    guard scale > 0, rise / scale >= limits.overfitRise,
      rise >= limits.overfitRiseInSteps * val.typicalStep()
    else { return nil }
    // It must have learned before it memorized: val_loss fell from its start to its minimum, or
    // the train loss fell by half (a tiny training set is memorized from the first epoch).
    if smooth[0] - least < limits.overfitLearnedFirst * abs(smooth[0]) {
      let trainStart = train.values[0]
      let trainFall = trainStart > 0 ? 1 - (train.values.last ?? 0) / trainStart : 0
      guard trainFall >= limits.overfitTrainFall else { return nil }
      // …and the memorizing shows: an accuracy gap, or a rise that matters next to the train loss.
      if let errors = endErrors(curves) {
        guard errors.validation - errors.train >= limits.overfitMemorizedGap else { return nil }
      } else {
        guard rise >= limits.overfitMemorizedGap * trainStart else { return nil }
      }
    }

    // The raw minimum, as the best epoch of early stopping quotes it.
    var rawMin = 0
    for i in val.values.indices where val.values[i] < val.values[rawMin] { rawMin = i }
    let minEpoch = val.epochs[rawMin]
    let trainSmooth = train.smoothed(window: MetricSeries.window(for: train.count))
    guard let trainAt = train.index(atOrBefore: val.epochs[minIndex]) else { return nil }
    let trainThen = trainSmooth[trainAt]
    let trainEnd = trainSmooth[trainSmooth.count - 1]
    guard trainThen != 0 else { return nil }
    let fall = (trainThen - trainEnd) / abs(trainThen)
    guard fall >= -limits.overfitTrainRiseTolerance else { return nil }
    let gapThen = least - trainThen
    let gapEnd = end - trainEnd
    guard gapEnd > 0, gapEnd - gapThen >= 0.5 * rise else { return nil }

    let relativeRise = rise / scale
    var confidence = min(
      0.99, 0.55 + 0.25 * min(1, relativeRise / 0.3) + 0.2 * min(1, max(0, fall) / 0.3))
    // A val_loss that also swings from epoch to epoch may be a too-large η rather than memorizing.
    if let zigZag = Self.zigZag(of: val), zigZag >= limits.overfitZigZag {
      confidence = min(confidence, 0.75)
    }
    // The decision reads smoothed curves; the text quotes raw values, the numbers the charts,
    // the header and the best epoch show (one story).
    let rawLeast = val.values[rawMin]
    let rawEnd = val.values[val.count - 1]
    let rawTrainThen = train.index(atOrBefore: minEpoch).map { train.values[$0] } ?? trainThen
    let rawTrainEnd = train.values[train.count - 1]
    let rawRise = rawLeast != 0 ? (rawEnd - rawLeast) / abs(rawLeast) : relativeRise
    let rawFall = rawTrainThen != 0 ? (rawTrainThen - rawTrainEnd) / abs(rawTrainThen) : fall
    let trend = rawFall >= 0.01 ? "fell \(EvidenceFormat.percent(rawFall))" : "stayed flat"
    var evidence =
      "val_loss \(rawRise >= 0 ? "up" : "down") \(EvidenceFormat.percent(abs(rawRise))) from its minimum \(EvidenceFormat.value(rawLeast)) at epoch \(minEpoch) to \(EvidenceFormat.value(rawEnd)) at epoch \(val.epochs[val.count - 1]) while loss \(trend); gap \(EvidenceFormat.value(rawLeast - rawTrainThen)) → \(EvidenceFormat.value(rawEnd - rawTrainEnd))"
    if let errors = endErrors(curves) {
      evidence +=
        "; train error \(EvidenceFormat.accuracy(errors.train)) vs val error \(EvidenceFormat.accuracy(errors.validation))"
    }
    return Verdict(
      kind: .overfitting, onsetEpoch: minEpoch, confidence: confidence, evidence: evidence,
      advice: advice(for: .overfitting))
  }

  /// Whether the train loss keeps falling while val_loss zig-zags by a moderate amount only: the
  /// validation set's noise around a model that is still memorizing, not an overshooting step.
  /// The train loss falls smoothly (`DiagnosisThresholds.flickerTrainZigZag`) by
  /// `flickerTrainFall` over the last two thirds, or — mini-batch noise on a few rows — without a
  /// large zig-zag of its own by `flickerNoisyTrainFall`: a step that overshoots stalls it.
  func validationFlickers(_ curves: Curves) -> Bool {
    let limits = DiagnosisThresholds.self
    let train = curves.loss
    guard let valZigZag = Self.zigZag(of: curves.validationLoss),
      valZigZag >= limits.oscillationModerateZigZag, valZigZag < limits.oscillationZigZag,
      let trainZigZag = Self.zigZag(of: train), trainZigZag < limits.oscillationZigZag
    else { return false }
    let then = train.values[train.count / 3]
    guard then > 0, let end = train.values.last else { return false }
    let fall = 1 - end / then
    return trainZigZag < limits.flickerTrainZigZag
      ? fall >= limits.flickerTrainFall : fall >= limits.flickerNoisyTrainFall
  }

  /// Mild overfitting that flickers: val_loss flickers (`validationFlickers`) and its median over
  /// the last third sits `flickerRise` above its minimum before that (averaged over 3 epochs, so
  /// that a flicker at a flat level is not a rise), while the train loss keeps falling — the loss rule's "more than a few typical steps" cannot see a rise hidden in the
  /// flicker.
  func flickeringOverfitting(_ curves: Curves) -> Verdict? {
    let val = curves.validationLoss
    guard val.count >= 10, validationFlickers(curves) else { return nil }
    let recent = max(3, val.count / 3)
    // The flicker averaged out: a raw minimum sits in one of its troughs.
    let smooth = val.smoothed(window: 3)
    let earlier = smooth.prefix(val.count - recent)
    guard let least = earlier.min(), least > 0,
      let minIndex = earlier.firstIndex(of: least)
    else { return nil }
    let late = val.values.suffix(recent)
    let median = late.reduce(0, +) / Double(late.count)
    guard median >= (1 + DiagnosisThresholds.flickerRise) * least else { return nil }
    let minEpoch = val.epochs[minIndex]
    guard let trainAt = curves.loss.index(atOrBefore: minEpoch),
      let trainEnd = curves.loss.values.last, trainEnd < curves.loss.values[trainAt]
    else { return nil }
    var evidence =
      "val_loss flickers around \(EvidenceFormat.value(median)) over the last \(recent) epochs, \(EvidenceFormat.percent(median / least - 1)) above its minimum \(EvidenceFormat.value(least)) at epoch \(minEpoch), while loss fell smoothly from \(EvidenceFormat.value(curves.loss.values[trainAt])) to \(EvidenceFormat.value(trainEnd))"
    if let errors = endErrors(curves) {
      evidence +=
        "; train error \(EvidenceFormat.accuracy(errors.train)) vs val error \(EvidenceFormat.accuracy(errors.validation))"
    }
    return Verdict(
      kind: .overfitting, onsetEpoch: minEpoch, confidence: 0.7, evidence: evidence,
      advice: advice(for: .overfitting))
  }

  /// Whether the smoothed val_loss fell ≥ 5% over the last third of the run (≥ 3 epochs): the
  /// model still generalizes better each epoch, whatever the accuracy gap.
  private func validationLossStillFalling(_ curves: Curves) -> Bool {
    let val = curves.validationLoss
    guard val.count >= 4 else { return false }
    let smooth = val.smoothed(window: MetricSeries.window(for: val.count))
    let recent = max(3, val.count / 3)
    let start = smooth[smooth.count - 1 - min(recent, smooth.count - 1)]
    return start - smooth[smooth.count - 1] >= DiagnosisThresholds.overfitStillFalling * abs(start)
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
    let val =
      curves.validationAccuracy.smoothed(window: min(3, curves.validationAccuracy.count)).last ?? 0
    guard (0...1).contains(train), (0...1).contains(val) else { return nil }
    return (1 - train, 1 - val)
  }

  func underfitting(_ curves: Curves) -> Verdict? {
    let limits = DiagnosisThresholds.self
    guard curves.epochCount >= limits.minimumEpochs, let errors = endErrors(curves),
      var verdict = Self.errorPairUnderfitting(train: errors.train, validation: errors.validation)
    else { return nil }
    let (name, train) =
      curves.loss.count >= 5
      ? (MetricName.loss, curves.loss) : (MetricName.accuracy, curves.accuracy)
    guard train.count >= 5 else { return nil }
    let values = train.values
    let recent = max(3, values.count / 3)
    let start = values[values.count - recent]
    let end = values[values.count - 1]
    let total = abs(values[0] - end)
    let recentChange = abs(start - end)
    let level = abs(end)
    let flat =
      total == 0 || recentChange <= limits.underfitFlatLevel * level
      || (recentChange <= limits.underfitFlatOfFall * total
        && recentChange <= limits.underfitFlatPerEpoch * level * Double(recent))
    // A train error this high after this many epochs is high bias whether the loss has flattened
    // or still creeps down: the model is too small for the data (or needs far more epochs).
    let persistent =
      errors.train >= limits.underfitPersistentError
      && curves.epochCount >= limits.underfitPersistentEpochs
    guard flat || persistent else { return nil }
    if let chance = curves.chanceAccuracy,
      1 - errors.train <= chance + limits.plateauAccuracyAboveChance
    {
      return nil
    }
    verdict.onsetEpoch = train.epochs[values.count - recent]
    if !flat {
      verdict.confidence = min(verdict.confidence, 0.75)
      verdict.evidence +=
        "; still \(EvidenceFormat.accuracy(errors.train)) train error after \(curves.epochCount) epochs"
    }
    verdict.evidence +=
      "; \(name) changed \(EvidenceFormat.percent(total == 0 ? 0 : recentChange / total)) of its total (\(EvidenceFormat.percent(level == 0 ? 0 : recentChange / level)) of its level) over the last \(recent) epochs"
    verdict.advice = advice(for: .underfitting)
    return verdict
  }

  func plateau(_ curves: Curves) -> Verdict? {
    let limits = DiagnosisThresholds.self
    let (name, series) =
      curves.loss.count >= limits.plateauEpochs
      ? (MetricName.loss, curves.loss) : (MetricName.validationLoss, curves.validationLoss)
    if series.count >= limits.plateauEpochs, series.values[0] > 0 {
      let first = series.values[0]
      let best = series.values.min() ?? first
      let gain = (first - best) / first
      let climb = ((series.values.max() ?? first) - first) / first
      if gain < limits.plateauGain, climb < limits.plateauClimb {
        var evidence =
          "\(name) improved only \(EvidenceFormat.percent(max(0, gain))) in \(series.count) epochs (\(EvidenceFormat.value(first)) → best \(EvidenceFormat.value(best)))"
        if let guessing = chanceLoss(curves), best >= 0.9 * guessing {
          evidence += ", at the loss of guessing (ln K = \(EvidenceFormat.value(guessing)))"
        }
        if let ratio = curves.updateRatio.values.last, ratio < 1e-5 {
          evidence += "; update/weight ratio \(EvidenceFormat.value(ratio)): steps are tiny"
        }
        return Verdict(
          kind: .plateau, onsetEpoch: series.epochs[0],
          confidence: min(0.9, 0.75 + (limits.plateauGain - max(0, gain)) * 3),
          evidence: evidence, advice: advice(for: .plateau))
      }
    }
    if let chance = curves.chanceAccuracy, curves.epochCount >= limits.plateauEpochs {
      let accuracy =
        curves.validationAccuracy.count >= limits.plateauEpochs
        ? curves.validationAccuracy : curves.accuracy
      let late = accuracy.values.suffix(accuracy.count / 2).sorted()
      if accuracy.count >= limits.plateauEpochs, !late.isEmpty,
        late[late.count / 2] <= chance + limits.plateauAccuracyAboveChance * (1 - chance)
          || (late[late.count / 2] <= chance + limits.plateauNearChance * (1 - chance)
            && lossSitsAtChance(curves))
      {
        let typical = late[late.count / 2]
        let atGuessing =
          lossSitsAtChance(curves)
          ? ", loss at the loss of guessing (ln K = \(EvidenceFormat.value(-log(chance))))" : ""
        return Verdict(
          kind: .plateau, onsetEpoch: accuracy.epochs[0], confidence: 0.85,
          evidence:
            "accuracy stays at \(EvidenceFormat.accuracy(typical)) (chance is \(EvidenceFormat.accuracy(chance)))\(atGuessing) after \(accuracy.count) epochs: nothing learnable reached the network, or the labels carry no signal",
          advice: advice(for: .plateau))
      }
    }
    return crawl(curves)
  }

  /// Whether the train loss (the median of its last half) sits within `plateauLossAtChance` of the
  /// chance loss ln K: the network predicts the class frequencies, whatever its accuracy's noise.
  private func lossSitsAtChance(_ curves: Curves) -> Bool {
    guard let guessing = chanceLoss(curves), guessing > 0, curves.loss.count >= 2 else {
      return false
    }
    let late = Self.median(of: curves.loss.values.suffix(curves.loss.count / 2))
    return abs(late - guessing) <= DiagnosisThresholds.plateauLossAtChance * guessing
  }

  /// The slow crawl: a loss that falls a small, steady fraction every epoch — as fast at the end as
  /// in the first half, where a healthy run decelerates — and is still far above where it could be.
  private func crawl(_ curves: Curves) -> Verdict? {
    let limits = DiagnosisThresholds.self
    let series = curves.loss
    guard series.count >= limits.crawlEpochs, let first = series.values.first, first > 0 else {
      return nil
    }
    let smooth = series.smoothed(window: 3)
    let half = series.count / 2
    let middle = smooth[half]
    let end = smooth[smooth.count - 1]
    guard middle > 0, end > 0 else { return nil }
    let early =
      log(max(smooth[min(2, half)], 1e-300) / middle) / Double(max(1, half - min(2, half)))
    let late = log(middle / end) / Double(smooth.count - 1 - half)
    guard late >= limits.crawlMinimumPerEpoch, late <= limits.crawlMaximumPerEpoch, early > 0,
      late >= limits.crawlSteadiness * early, end >= limits.crawlRemaining * first
    else { return nil }
    // Far above where it could be: a crawl has not yet taken even half the way from the loss of
    // guessing to zero. A loss well under that, falling slowly, is a model near the error the
    // data allows.
    if let guessing = chanceLoss(curves), end < limits.crawlAboveChanceShare * guessing {
      return nil
    }
    return Verdict(
      kind: .plateau, onsetEpoch: series.epochs[0], confidence: 0.75,
      evidence:
        "loss falls a steady \(EvidenceFormat.value(late * 100))% per epoch (\(EvidenceFormat.value(early * 100))% in the first half): still \(EvidenceFormat.percent(end / first)) of its start after \(series.count) epochs — a slow crawl",
      advice: advice(for: .plateau))
  }

}
