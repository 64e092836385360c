import Foundation

/// The oscillation rules: zig-zags, one spike, a loss thrown off its best, confidently wrong
/// predictions and an overshooting rise, with the zig-zag measure they share.
extension Diagnoser {
  /// Oscillation: over the last two thirds, val_loss (or the train loss) zig-zags — its epoch-to-
  /// epoch ratio flips between up and down by a large amount, whatever the trend — and the swings
  /// are not tiny next to how far the loss came down (noise at a 100× lower level is no oscillation);
  /// or it zig-zags by a moderate amount with swings that stand out next to that fall; or val_loss
  /// spikes once (`validationSpike`).
  ///
  /// `largeOnly` keeps the strong evidence alone — a large zig-zag, or both curves zig-zagging
  /// while val_loss climbs — for the divergence rules that let oscillation overrule them: a
  /// moderate zig-zag or one spike is too weak to call a loss that blew up or grew anything but
  /// divergence.
  func oscillation(_ curves: Curves, largeOnly: Bool = false) -> Verdict? {
    let candidates = [
      (MetricName.validationLoss, curves.validationLoss), (MetricName.loss, curves.loss),
    ].compactMap { name, series in Self.swing(of: series).map { (name, series, $0) } }
      .filter { !largeOnly || $0.2.large }
      // A moderate val zig-zag around a rising level over a smoothly falling train loss is mild
      // overfitting that flickers, not an overshoot; one that ends at its best is noise.
      .filter {
        $0.0 != .validationLoss || $0.2.large
          || (flickeringOverfitting(curves) == nil && !Self.endsNearItsBest(curves.validationLoss))
      }
    guard let (name, series, swing) = candidates.max(by: { $0.2.zigZag < $1.2.zigZag }) else {
      return
        (largeOnly
        ? nil : validationSpike(curves) ?? knockedOffItsBest(curves) ?? confidentlyWrong(curves))
        ?? overshootingRise(curves)
    }
    var confidence = min(0.95, 0.6 + 0.4 * min(0.5, swing.zigZag) + 0.2 * swing.turnRate)
    // A moderate zig-zag is weaker evidence than a large one.
    if !swing.large { confidence = min(confidence, 0.75) }
    let spike =
      swing.largestJump >= log(2.0)
      ? "; one jump of \(EvidenceFormat.value(exp(swing.largestJump)))×" : ""
    return Verdict(
      kind: .oscillation, onsetEpoch: series.epochs[swing.start], confidence: confidence,
      evidence:
        "\(name) changed direction \(swing.turns) time\(swing.turns == 1 ? "" : "s") in the last \(series.count - swing.start) epochs, zig-zagging \(EvidenceFormat.percent(exp(swing.zigZag) - 1)) up and down around its trend per epoch\(spike)",
      advice: advice(for: .oscillation))
  }

  /// One spike: after the first quarter of the run (and the first three epochs, while val_loss
  /// still settles from the initialization) val_loss jumps in one epoch to several times its
  /// previous value, to a peak that matters next to where it started, and comes back down — the
  /// train loss may fall smoothly meanwhile and the net trend still be down. One step overshot
  /// (η too large). (The third session read only the last two thirds; on the tuning half, a
  /// momentum run knocked out by an overshoot a quarter of the way in was then called underfitting.)
  private func validationSpike(_ curves: Curves) -> Verdict? {
    let limits = DiagnosisThresholds.self
    let val = curves.validationLoss
    guard val.count >= limits.oscillationEpochs + 2, let first = val.values.first, first > 0,
      val.values.allSatisfy({ $0 > 0 })
    else { return nil }
    var peak: Int?
    for i in max(3, val.count / 4)..<val.count {
      let jump = val.values[i] / val.values[i - 1]
      guard jump >= limits.oscillationSpikeJump,
        val.values[i] >= limits.oscillationSpikeOfStart * first,
        val.values[(i + 1)...].contains(where: {
          $0 <= limits.oscillationSpikeReturn * val.values[i]
        })
      else { continue }
      if peak.map({ jump > val.values[$0] / val.values[$0 - 1] }) ?? true { peak = i }
    }
    guard let peak else { return nil }
    let jump = val.values[peak] / val.values[peak - 1]
    return Verdict(
      kind: .oscillation, onsetEpoch: val.epochs[peak], confidence: 0.75,
      evidence:
        "val_loss jumped \(EvidenceFormat.value(jump))× in one epoch (\(EvidenceFormat.value(val.values[peak - 1])) → \(EvidenceFormat.value(val.values[peak])) at epoch \(val.epochs[peak]), \(EvidenceFormat.percent(val.values[peak] / first)) of its first value) and came back down: a step overshot",
      advice: advice(for: .oscillation))
  }

  /// The train loss ends well above its own best, reached before the last third
  /// (`oscillationTrainAboveBest`), without a blow-up and while val_loss is not overfitting: a step
  /// overshot and threw the network off the minimum it had found (η too large). A healthy,
  /// underfitting or plateaued run's train loss ends at or near its best; memorizing lowers it.
  private func knockedOffItsBest(_ curves: Curves) -> Verdict? {
    let limits = DiagnosisThresholds.self
    let train = curves.loss
    guard train.count >= limits.oscillationEpochs + 2, let start = train.values.first,
      train.values.allSatisfy({ $0 > 0 && $0.isFinite })
    else { return nil }
    let recent = max(3, train.count / 3)
    let smooth = train.smoothed(window: 3)
    let earlier = smooth.prefix(train.count - recent)
    guard let best = earlier.min(), let bestIndex = earlier.firstIndex(of: best), best < start
    else { return nil }
    let end = train.values.suffix(3).sorted()[1]
    guard end >= limits.oscillationTrainAboveBest * best,
      end - best >= limits.oscillationTrainRiseOfFall * (start - best),
      overfitting(curves) == nil
    else { return nil }
    return Verdict(
      kind: .oscillation, onsetEpoch: train.epochs[bestIndex], confidence: 0.7,
      evidence:
        "loss ends at \(EvidenceFormat.value(end)), \(EvidenceFormat.value(end / best))× its best \(EvidenceFormat.value(best)) around epoch \(train.epochs[bestIndex]): a step overshot and threw the network off the minimum it had found",
      advice: advice(for: .oscillation))
  }

  /// Confidently wrong: the train loss ends (median of its last 3 epochs) at or above the chance
  /// loss ln K while the train accuracy is far above chance (`confidentlyWrongAccuracy` of the way
  /// to 100%). A model that predicts most rows right yet loses more than guessing does puts huge
  /// confidence on the rows it gets wrong: its logits were blown up by steps too large for the
  /// loss surface (η too large), not held back by too little capacity. On the tuning data every run
  /// like this was made to oscillate or to diverge (the seventh session: holdout-5's Keras linear
  /// SGD η 1 run on Fashion-MNIST, at 1.35× ln K with 73% train accuracy, was called underfitting).
  private func confidentlyWrong(_ curves: Curves) -> Verdict? {
    let train = curves.loss
    guard let guessing = chanceLoss(curves), let chance = curves.chanceAccuracy,
      train.count >= DiagnosisThresholds.minimumEpochs, curves.accuracy.count >= 3
    else { return nil }
    let loss = Self.median(of: train.values.suffix(3))
    let accuracy = Self.median(of: curves.accuracy.values.suffix(3))
    guard loss >= guessing,
      accuracy >= chance + DiagnosisThresholds.confidentlyWrongAccuracy * (1 - chance)
    else { return nil }
    return Verdict(
      kind: .oscillation, onsetEpoch: train.epochs[train.count - 3], confidence: 0.7,
      evidence:
        "loss ends at \(EvidenceFormat.value(loss)), \(EvidenceFormat.value(loss / guessing))× the loss of guessing (ln K = \(EvidenceFormat.value(guessing))), while train accuracy is \(EvidenceFormat.accuracy(accuracy)): the wrong predictions are made with huge confidence — steps too large blew the logits up",
      advice: advice(for: .oscillation))
  }

  /// val_loss climbs from its minimum as in overfitting, but both curves zig-zag by at least
  /// `overfitZigZag`: a too-large η (the steps overshoot, so the train loss bounces too), not
  /// memorizing — memorizing lowers the train loss smoothly. Oscillation: lower η first.
  private func overshootingRise(_ curves: Curves) -> Verdict? {
    let limits = DiagnosisThresholds.self
    guard let valZigZag = Self.zigZag(of: curves.validationLoss), valZigZag >= limits.overfitZigZag,
      let trainZigZag = Self.zigZag(of: curves.loss), trainZigZag >= limits.overfitZigZag,
      !validationFlickers(curves), let rise = lossOverfitting(curves)
    else { return nil }
    return Verdict(
      kind: .oscillation, onsetEpoch: rise.onsetEpoch, confidence: 0.7,
      evidence:
        "val_loss zig-zags \(EvidenceFormat.percent(exp(valZigZag) - 1)) and loss \(EvidenceFormat.percent(exp(trainZigZag) - 1)) up and down around their trends per epoch while val_loss climbs from its minimum: the steps overshoot (\(rise.evidence))",
      advice: advice(for: .oscillation))
  }

  /// Whether a series ends (the median of its last 3 values) within
  /// `DiagnosisThresholds.moderateSwingNearBest` of its minimum: the swings did no harm yet.
  static func endsNearItsBest(_ series: MetricSeries) -> Bool {
    guard series.count >= 3, let least = series.values.min(), least > 0 else { return false }
    return median(of: series.values.suffix(3))
      <= (1 + DiagnosisThresholds.moderateSwingNearBest) * least
  }

  /// The median of `values` (the mean of the middle two for an even count).
  static func median<Values: Collection<Double>>(of values: Values) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return .nan }
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  }

  /// How a series zig-zags over its last two thirds.
  struct Swing {
    var start: Int
    var turns: Int
    var turnRate: Double
    /// Mean |rᵢ − rᵢ₋₁| / 2 with rᵢ = ln(xᵢ/xᵢ₋₁): zero for any steady rise or fall, the swing
    /// ratio for an up-down zig-zag.
    var zigZag: Double
    /// The largest rᵢ.
    var largestJump: Double
    /// Whether the zig-zag passed the large bar (`oscillationZigZag`), not only the moderate one.
    var large: Bool
  }

  /// Mean |rᵢ − rᵢ₋₁| / 2 over the last two thirds of a positive series (see `Swing.zigZag`).
  static func zigZag(of series: MetricSeries) -> Double? {
    guard series.count >= 6 else { return nil }
    let values = Array(series.values[(series.count / 3)...])
    guard values.allSatisfy({ $0 > 0 }) else { return nil }
    let ratios = zip(values, values.dropFirst()).map { log($1 / $0) }
    let flips = zip(ratios, ratios.dropFirst()).map { abs($1 - $0) / 2 }
    return flips.isEmpty ? nil : flips.reduce(0, +) / Double(flips.count)
  }

  /// The series' zig-zag when it is an oscillation.
  static func swing(of series: MetricSeries) -> Swing? {
    let limits = DiagnosisThresholds.self
    guard series.count >= limits.oscillationEpochs + 2, let zigZag = zigZag(of: series) else {
      return nil
    }
    let start = series.count / 3
    let values = Array(series.values[start...])
    var turns = 0
    var largest = 0.0
    var previous = 0.0
    for i in 1..<values.count {
      let ratio = log(values[i] / values[i - 1])
      largest = max(largest, ratio)
      if i > 1 && ratio * previous < 0 { turns += 1 }
      if ratio != 0 { previous = ratio }
    }
    let steps = Double(values.count - 1)
    let turnRate = Double(turns) / max(1, steps - 1)
    // The zig-zag's size in the loss's own units: the swing ratio times the window's typical level.
    let level = values.sorted()[values.count / 2]
    let fall = series.values[0] - (series.values.min() ?? 0)
    let large =
      zigZag >= limits.oscillationZigZag
      && (fall <= 0 || zigZag * level >= limits.oscillationOfFall * fall)
    let moderate =
      zigZag >= limits.oscillationModerateZigZag
      && (fall <= 0 || zigZag * level >= limits.oscillationModerateOfFall * fall)
    guard
      large && turnRate >= limits.oscillationTurnsLarge
        || moderate && turnRate >= limits.oscillationTurns
    else { return nil }
    return Swing(
      start: start, turns: turns, turnRate: turnRate, zigZag: zigZag, largestJump: largest,
      large: large)
  }
}
