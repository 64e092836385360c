import Foundation
import Testing

@testable import DLTopMonitor

/// The eighth session's rules (issue 11), each on a synthetic run that shows it and on the real
/// run of holdout-6 (tuning data since that session) that asked for it; and the evidence text's
/// percentages, which trapped on a loss that moved 10¹⁷× its level.
struct EighthRoundRulesTests {
  let twoClasses = Diagnoser(options: Diagnoser.Options(classCount: 2))
  let tenClasses = Diagnoser(options: Diagnoser.Options(classCount: 10))

  static func realRun(_ file: String, half: DiagnosisCorpus.Half = .holdout6, folder: String)
    throws -> DiagnosisCorpus.Outcome
  {
    let corpus = try DiagnosisCorpus(fixtures: FieldCorpusTests.fixtures)
    let run = try #require(corpus.runs.first { $0.file == "field-corpus/\(folder)/" + file })
    #expect(run.half == half)
    return try corpus.diagnose(run)
  }

  // MARK: A blow-up that still overshoots at the end

  /// The first epoch at 7× ln 10; then the accuracy climbs to 80% while the train loss stays near
  /// 1.8× ln 10 and val_loss jumps between 1.5× and 4× ln 10 every epoch.
  static func blownUpThenStillOvershooting(laterPeak: Bool) -> [EpochRecord] {
    history(15, noise: 0.0) { t in
      let chance = log(10.0)
      var loss = t == 1 ? 7 * chance : chance * (1.8 + 2 * exp(-t / 2))
      if laterPeak && t == 6 { loss = 1e9 }
      return [
        "loss": loss, "val_loss": chance * (Int(t) % 2 == 0 ? 1.5 : 4),
        "accuracy": 0.8 - 0.3 * exp(-t / 3), "val_accuracy": 0.7 - 0.3 * exp(-t / 3),
      ]
    }
  }

  @Test func aFirstEpochBlowUpThatStillOvershootsIsOscillation() throws {
    let diagnosis = tenClasses.diagnose(Self.blownUpThenStillOvershooting(laterPeak: false))
    #expect(diagnosis.label == .oscillation)
  }

  /// A loss that went higher after the first epoch (to 10⁹) diverged, however it ended.
  @Test func aLossThatBlewUpFurtherLaterStaysDivergence() {
    let diagnosis = tenClasses.diagnose(Self.blownUpThenStillOvershooting(laterPeak: true))
    #expect(diagnosis.label == .divergence)
  }

  @Test func theLinearSGDRunsOnFashionMNISTThatStartAt7TimesLnKAreOscillation() throws {
    for file in [
      "dltop/oscillation-fashion-test-linear-sgd-lr2-s91.jsonl",
      "torch/oscillation-fashion-test-linear-sgd-lr2-s23.jsonl",
    ] {
      let outcome = try Self.realRun(file, folder: "holdout-6")
      #expect(outcome.diagnosis.label == .oscillation, "\(file)")
    }
  }

  /// Tuning-2's PyTorch momentum η 3 run on iris went on to 10³³ after its first epoch: divergence.
  @Test func theIrisRunThatReached10To33StaysDivergence() throws {
    let outcome = try Self.realRun(
      "torch/divergence-iris-momentum-lr3-s15.jsonl", half: .tuning, folder: "tuning-2")
    #expect(outcome.diagnosis.label == .divergence)
  }

  // MARK: A slow fall near the error the data allows is no crawl

  /// A steady fall of about 1% per epoch for 30 epochs, as fast at the end as at the start.
  static func slowFall(from start: Double, to end: Double) -> [EpochRecord] {
    history(30, noise: 0.0) { t in
      let loss = start * pow(end / start, (t - 1) / 29)
      return [
        "loss": loss, "val_loss": loss * 1.02, "accuracy": 0.88 - 0.3 * exp(-t / 4),
        "val_accuracy": 0.87 - 0.3 * exp(-t / 4),
      ]
    }
  }

  /// From 0.45 to 0.32 (0.46 × ln 2): a model near the error the data allows.
  @Test func aSlowFallBelowHalfTheLossOfGuessingIsNotACrawl() {
    let diagnosis = twoClasses.diagnose(Self.slowFall(from: 0.45, to: 0.32))
    #expect(!diagnosis.verdicts.contains { $0.evidence.contains("slow crawl") })
  }

  /// From 0.55 to 0.42 (0.61 × ln 2), at the same pace: still a crawl.
  @Test func theSameFallAboveHalfTheLossOfGuessingIsACrawl() {
    let diagnosis = twoClasses.diagnose(Self.slowFall(from: 0.55, to: 0.42))
    #expect(diagnosis.label == .plateau)
    #expect(diagnosis.verdicts.first?.evidence.contains("slow crawl") == true)
  }

  @Test func theHealthyKerasRMSpropRunOnNoisyMoonsIsHealthy() throws {
    let outcome = try Self.realRun(
      "keras/healthy-moons-noisy-rmsprop-s59.csv", folder: "holdout-6")
    #expect(outcome.diagnosis.label == .healthy)
  }

  // MARK: Never healthy: a zig-zagging val_loss far above a best set long ago

  /// val_loss reaches its best in epoch `best`, then zig-zags around a level 40% above it while
  /// the train loss falls.
  static func stalled(zigZag: Double, best: Int = 4) -> [EpochRecord] {
    history(35, noise: 0.0) { t in
      let atBest = 0.3 - 0.005 * Double(best)
      let level = t <= Double(best) ? 0.3 - 0.005 * t : 1.4 * atBest
      let swing = t <= Double(best) ? 1 : (Int(t) % 2 == 0 ? 1 + zigZag : 1 - zigZag)
      return [
        "loss": 0.2 + 0.15 * exp(-t / 10), "val_loss": level * swing,
        "accuracy": 0.93 - 0.05 * exp(-t / 10), "val_accuracy": 0.9,
      ]
    }
  }

  /// The rule itself (the other rules may speak first on a synthetic run; on the real run below
  /// none did).
  @Test func aZigZaggingValLossFarAboveAnOldBestIsOscillation() throws {
    let curves = Diagnoser.curves(of: Self.stalled(zigZag: 0.05))
    let verdict = try #require(tenClasses.stalledAboveItsBest(curves))
    #expect(verdict.kind == .oscillation)
    #expect(verdict.onsetEpoch == 4)
    #expect(verdict.evidence.contains("has not improved since epoch 4"))
  }

  /// A val_loss that climbs without zig-zagging is left to the overfitting rules.
  @Test func aSmoothRiseIsNotThisRulesToCall() {
    let curves = Diagnoser.curves(of: Self.stalled(zigZag: 0))
    #expect(tenClasses.stalledAboveItsBest(curves) == nil)
  }

  /// A best set in the last 30% of the run (epoch 28 of 35) is too recent to call a stall.
  @Test func aRecentBestIsNoStall() {
    let curves = Diagnoser.curves(of: Self.stalled(zigZag: 0.05, best: 28))
    #expect(tenClasses.stalledAboveItsBest(curves) == nil)
  }

  @Test func theKerasAdamBatch8RunOnSevenBlobsIsOscillation() throws {
    let outcome = try Self.realRun(
      "keras/oscillation-blobs7-adam-lr004-b8-s59.csv", folder: "holdout-6")
    #expect(outcome.diagnosis.label == .oscillation)
  }

  // MARK: Evidence percentages

  @Test func aPercentTooLargeForAWholeNumberIsWrittenWithAnExponent() {
    #expect(EvidenceFormat.percent(0.183) == "18%")
    #expect(EvidenceFormat.percent(-0.05) == "-5%")
    #expect(EvidenceFormat.percent(1e17) == "1e19%")
    #expect(EvidenceFormat.percent(.infinity).hasSuffix("%"))
    #expect(EvidenceFormat.percent(.nan).hasSuffix("%"))
  }
}
