import Foundation
import Testing

@testable import DLTopMonitor

/// The seventh session's rules (issue 11), each on a synthetic run that shows it and on the real
/// run of holdout-5 (tuning data since that session) that asked for it.
struct SeventhRoundRulesTests {
  let threeClasses = Diagnoser(options: Diagnoser.Options(classCount: 3))
  let tenClasses = Diagnoser(options: Diagnoser.Options(classCount: 10))

  static func realRun(_ file: String) throws -> DiagnosisCorpus.Outcome {
    let corpus = try DiagnosisCorpus(fixtures: FieldCorpusTests.fixtures)
    let run = try #require(corpus.runs.first { $0.file == "field-corpus/holdout-5/" + file })
    #expect(run.half == .holdout5)
    return try corpus.diagnose(run)
  }

  // MARK: A loss at ln K is never healthy

  /// The loss falls from its start to ln 3 and sits there; the accuracy wanders 3–5 points above
  /// chance — noise, not learning.
  static func atChance(accuracyAbove: Double) -> [EpochRecord] {
    history(30, noise: 0.0) { t in
      let loss = log(3.0) + 0.5 * exp(-t)
      let accuracy = 1.0 / 3 + accuracyAbove * (Int(t) % 2 == 0 ? 1.2 : 0.8)
      return [
        "loss": loss, "val_loss": loss * 0.995, "accuracy": accuracy, "val_accuracy": accuracy,
      ]
    }
  }

  @Test func aLossAtTheLossOfGuessingIsAPlateauWhateverTheAccuracysNoise() throws {
    let diagnosis = threeClasses.diagnose(Self.atChance(accuracyAbove: 0.04))
    #expect(diagnosis.label == .plateau)
    let verdict = try #require(diagnosis.verdicts.first)
    #expect(verdict.evidence.contains("loss at the loss of guessing"))
  }

  @Test func aLossAtLnKWithAnAccuracyWellAboveChanceIsNotCalledAtChance() {
    let diagnosis = threeClasses.diagnose(Self.atChance(accuracyAbove: 0.2))
    #expect(!diagnosis.verdicts.contains { $0.evidence.contains("accuracy stays at") })
  }

  @Test func theKerasLinearModelOnQuantileShellsIsNotHealthy() throws {
    let outcome = try Self.realRun("keras/underfitting-quantiles3-linear-adam-s53.csv")
    #expect(outcome.diagnosis.label != .healthy)
  }

  // MARK: Confidently wrong

  /// Train accuracy climbs to 75% while the loss stays above ln 10: the wrong rows are predicted
  /// with huge confidence.
  @Test func aLossAboveLnKWithMostRowsRightIsOscillation() throws {
    let records = history(15, noise: 0.0) { t in
      [
        "loss": log(10.0) * (1.3 + exp(-t / 2)), "val_loss": log(10.0) * (1.4 + exp(-t / 2)),
        "accuracy": 0.75 - 0.3 * exp(-t / 2), "val_accuracy": 0.7 - 0.3 * exp(-t / 2),
      ]
    }
    let diagnosis = tenClasses.diagnose(records)
    #expect(diagnosis.label == .oscillation)
    let verdict = try #require(diagnosis.verdicts.first)
    #expect(verdict.evidence.contains("huge confidence"))
  }

  /// A small model with a loss below ln K and an accuracy to match is underfitting, as before.
  @Test func aLossBelowLnKIsNotConfidentlyWrong() {
    let records = history(30, noise: 0.0) { t in
      [
        "loss": 1.2 + exp(-t / 3), "val_loss": 1.25 + exp(-t / 3),
        "accuracy": 0.55 - 0.3 * exp(-t / 3), "val_accuracy": 0.53 - 0.3 * exp(-t / 3),
      ]
    }
    #expect(tenClasses.diagnose(records).label == .underfitting)
  }

  @Test func theKerasLinearSGDRunOnFashionMNISTIsOscillation() throws {
    let outcome = try Self.realRun("keras/oscillation-fashion-linear-sgd-lr1-s53.csv")
    #expect(outcome.diagnosis.label == .oscillation)
  }

  // MARK: A large zig-zag with an up-up-down rhythm

  /// val_loss jumps up 100%, creeps up 5% twice, then falls back in three steps, around a flat
  /// level, while the train loss falls: two turns every six epochs, each a big one.
  @Test func aLargeZigZagTurningTwiceInSixEpochsIsOscillation() throws {
    let offsets = [0.0, 0.7, 0.75, 0.8, 0.4, 0.2]  // ln of the factor over the level
    let records = history(36, noise: 0.0) { t in
      [
        "loss": 0.3 + 0.5 * exp(-t / 6),
        "val_loss": (0.45 + 0.3 * exp(-t / 3)) * exp(offsets[Int(t) % 6]),
      ]
    }
    let swing = try #require(Diagnoser.swing(of: Diagnoser.curves(of: records).validationLoss))
    #expect(swing.large)
    #expect(swing.turnRate < DiagnosisThresholds.oscillationTurns)
    #expect(tenClasses.diagnose(records).label == .oscillation)
  }

  @Test func theKerasAdamRunOnFiveClassesIsOscillation() throws {
    let outcome = try Self.realRun("keras/oscillation-classif5-adam-lr004-s53.csv")
    #expect(outcome.diagnosis.label == .oscillation)
  }
}
