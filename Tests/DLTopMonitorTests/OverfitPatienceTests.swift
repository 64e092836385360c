import Foundation
import Testing

@testable import DLTopMonitor

/// Overfitting needs val_loss above its minimum for `overfitEpochsSinceMinimum` epochs (Keras
/// EarlyStopping's usual patience): a healthy run's val_loss that bumps up for a few epochs while
/// the train loss falls, then reaches a new minimum, is never called overfitting — at its end or
/// after any epoch — while a val_loss that keeps rising is, with its onset at the minimum.
struct OverfitPatienceTests {
  let diagnoser = Diagnoser(options: Diagnoser.Options(classCount: 10))

  /// val_loss falls to epoch 6, rises 8% an epoch for four epochs, then falls to a new minimum.
  static func bump(_ t: Double) -> [String: Double] {
    let base = 0.5 + 0.6 * exp(-t / 3)
    let bump = t > 6 && t <= 10 ? 1 + 0.08 * (t - 6) : t > 10 ? max(0.9, 1.32 - 0.12 * (t - 10)) : 1
    return ["loss": 0.2 + 1.0 * exp(-t / 5), "val_loss": base * bump]
  }

  @Test func aValLossBumpThatRecoversIsNeverOverfitting() {
    let records = history(16, noise: 0.002, Self.bump)
    for count in 5...records.count {
      let label = diagnoser.diagnose(Array(records.prefix(count))).label
      #expect(label != .overfitting && label != .divergence, "after epoch \(count): \(label)")
    }
  }

  /// The same curves, with val_loss still rising after the fifth epoch past its minimum.
  @Test func aValLossThatKeepsRisingIsOverfitting() throws {
    let records = history(16, noise: 0.002) { t in
      let base = 0.5 + 0.6 * exp(-t / 3)
      return ["loss": 0.2 + 1.0 * exp(-t / 5), "val_loss": base * (t > 6 ? 1 + 0.06 * (t - 6) : 1)]
    }
    let diagnosis = diagnoser.diagnose(records)
    #expect(diagnosis.label == .overfitting)
    let onset = try #require(diagnosis.verdicts.first?.onsetEpoch)
    #expect((5...7).contains(onset))
  }

  /// The real run (holdout-3, tuning data since the fifth session): a Keras Nesterov run on
  /// Fashion-MNIST whose val_loss rose 20% over Keras epochs 4 → 8 and then reached a new minimum.
  @Test func theHealthyKerasNesterovRunIsNeverCalledOverfitting() throws {
    let corpus = try DiagnosisCorpus(fixtures: FieldCorpusTests.fixtures)
    let run = try #require(
      corpus.runs.first {
        $0.file == "field-corpus/holdout-3/keras/healthy-fashion-test-nesterov-s39.csv"
      })
    let outcome = try corpus.diagnose(run, everyEpoch: true)
    #expect(outcome.diagnosis.label == .healthy)
    #expect(outcome.kindsByEpoch.allSatisfy { !$0.contains(.overfitting) })
  }
}
