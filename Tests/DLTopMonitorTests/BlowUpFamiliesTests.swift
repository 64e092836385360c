import Foundation
import Testing

@testable import DLTopMonitor

/// The divergence families an oscillation rule must not swallow: a first-epoch blow-up the
/// network came back from (η beyond the oscillation band), a blow-up after which the network is
/// dead although its loss slipped under ln K, a loss that stays several times ln K, and a loss that
/// grew while it zig-zags only moderately. Divergence is checked before every other rule, so an
/// exemption there ("this blow-up is an overshoot, not a dead network") is the only way a run that
/// blew up can be called oscillation; it takes strong evidence. Real runs from the tuning half only.
struct BlowUpFamiliesTests {
  /// ln 3 ≈ 1.099.
  let diagnoser = Diagnoser(options: Diagnoser.Options(classCount: 3))
  static let guessing = log(3.0)

  /// A first epoch at `times`× ln 3, then a learning network (train accuracy 95%, loss near 0.3)
  /// whose val_loss zig-zags ±60% from epoch to epoch.
  func recoveredBlowUp(times: Double, lateLoss: Double = 0.3, accuracy: Double = 0.95)
    -> [EpochRecord]
  {
    history(30, noise: 0.01) { t in
      let swing = Int(t) % 2 == 0 ? 1.6 : 1.0
      return [
        "loss": t == 1 ? times * Self.guessing : lateLoss * swing,
        "val_loss": t == 1 ? times * Self.guessing : 0.4 * swing,
        "accuracy": t == 1 ? 0.4 : accuracy,
        "val_accuracy": t == 1 ? 0.4 : accuracy - 0.05,
      ]
    }
  }

  /// Just above the 4× line that no healthy run starts at, an η in the oscillation band can
  /// overshoot the first epoch and the network still learns: oscillation (lower η).
  @Test func aRecoveredBlowUpBelowFiveTimesTheLossOfGuessingIsOscillation() {
    let diagnosis = diagnoser.diagnose(recoveredBlowUp(times: 4.5))
    #expect(diagnosis.label == .oscillation, "\(diagnosis.verdicts.map(\.evidence))")
  }

  /// From 5× ln K up the blow-up is divergence, even when the network came back and zig-zags: the
  /// tuning half's runs made to diverge (η 40–300× the usual one) that recovered start at
  /// 5.9–12× ln K.
  @Test(arguments: [5.5, 6.0, 9.0])
  func aRecoveredBlowUpFiveTimesTheLossOfGuessingOrMoreIsDivergence(_ times: Double) throws {
    let diagnosis = diagnoser.diagnose(recoveredBlowUp(times: times))
    #expect(diagnosis.label == .divergence)
    let verdict = try #require(diagnosis.verdicts.first)
    #expect(verdict.onsetEpoch == 1)
    #expect(verdict.advice.contains("lower"))
  }

  /// A loss that slipped just under ln K while the accuracy sits at chance is a dead network, not
  /// a recovered one.
  @Test func aBlowUpThenALossUnderChanceWithAccuracyAtChanceIsDivergence() {
    let records = recoveredBlowUp(times: 4.5, lateLoss: 0.6, accuracy: 0.34)
    #expect(diagnoser.diagnose(records).label == .divergence)
  }

  /// A loss that stays at about 2× ln K has not recovered, whatever the accuracy.
  @Test func aBlowUpThenALossSeveralTimesChanceIsDivergence() {
    let records = recoveredBlowUp(times: 4.5, lateLoss: 1.5, accuracy: 0.9)
    #expect(diagnoser.diagnose(records).label == .divergence)
  }

  /// A train loss that ends above its start and 5× its minimum is divergence; a moderate val_loss
  /// zig-zag (±13% per epoch) is too weak to call it oscillation.
  @Test func aGrowingLossWithAModerateZigZagIsDivergence() {
    let records = history(30, noise: 0.005) { t in
      let loss = t <= 8 ? 0.5 - 0.05 * t : 0.1 + 0.5 * (t - 8) / 22
      return [
        "loss": loss,
        "val_loss": (loss + 0.2) * (Int(t) % 2 == 0 ? 1.13 : 1.0),
        "accuracy": 0.8, "val_accuracy": 0.75,
      ]
    }
    #expect(diagnoser.diagnose(records).label == .divergence)
  }

  @Test(arguments: [
    // Adam η 0.3 on digits: 6.2× ln K in the first epoch, then 99% train accuracy and a
    // zig-zagging val_loss (the third session's rules called it oscillation).
    "field-corpus/tuning-2/dltop/divergence-digits-adam-lr03-s51.jsonl",
    "field-corpus/tuning-2/torch/divergence-digits-adam-lr03-s15.jsonl",
    // Adam η 1 on wine: 9.8× ln K, then 100% accuracy.
    "field-corpus/tuning-2/dltop/divergence-wine-adam-lr1-b8-s51.jsonl",
    // Adagrad η 2 on 10 blobs: 5.9× ln K, then 100% accuracy.
    "field-corpus/tuning-2/torch/divergence-blobs10-adagrad-lr2-s15.jsonl",
    // Adam η 0.5 on spirals: 5.2× ln K, then a loss just under ln K at chance accuracy.
    "field-corpus/tuning-2/dltop/divergence-spiral-adam-lr05-s51.jsonl",
  ])
  func theFamiliesAreDivergenceOnRealRuns(_ file: String) throws {
    let diagnosis = try OscillationFamiliesTests.diagnosis(file)
    #expect(diagnosis.label == .divergence, "\(diagnosis.verdicts.map(\.evidence))")
    #expect(diagnosis.verdicts.first?.advice.contains("raise") == false)
  }
}
