import Foundation
import Testing

@testable import DLTopMonitor

/// Mild overfitting that flickers (issue 11): val_loss zig-zags by a moderate amount around a
/// level that has risen from its minimum while the train loss falls smoothly and steadily — the
/// validation set's noise around a model that is still memorizing — is overfitting, not
/// oscillation. The same val_loss over a train loss that zig-zags too (an overshooting step) stays
/// oscillation.
struct FlickeringOverfittingTests {
  let diagnoser = Diagnoser(options: Diagnoser.Options(classCount: 10))

  /// val_loss levels off by epoch 10, then creeps up while flickering ±6% from epoch to epoch.
  static func validation(_ t: Double) -> Double {
    (0.6 + 0.3 * exp(-t / 3) + 0.012 * max(0, t - 10)) * (Int(t) % 2 == 0 ? 1.06 : 0.94)
  }

  @Test func aFlickeringRiseOverASmoothlyFallingTrainLossIsOverfitting() throws {
    let records = history(25, noise: 0.002) { t in
      ["loss": 0.15 + 1.0 * exp(-t / 8), "val_loss": Self.validation(t)]
    }
    let diagnosis = diagnoser.diagnose(records)
    #expect(diagnosis.label == .overfitting)
    let verdict = try #require(diagnosis.verdicts.first)
    #expect(verdict.confidence < 0.8)
    #expect(!diagnosis.verdicts.contains { $0.kind == .oscillation })
  }

  @Test func theSameValLossOverAZigZaggingTrainLossIsOscillation() {
    let records = history(25, noise: 0.002) { t in
      [
        "loss": (0.15 + 1.0 * exp(-t / 8)) * (Int(t) % 2 == 0 ? 1.1 : 0.9),
        "val_loss": Self.validation(t),
      ]
    }
    #expect(diagnoser.diagnose(records).label == .oscillation)
  }

  /// A flicker around a level that still falls is no overfitting.
  @Test func aFlickerAroundAFallingLevelIsNotOverfitting() {
    let records = history(25, noise: 0.002) { t in
      [
        "loss": 0.15 + 1.0 * exp(-t / 8),
        "val_loss": (0.5 + 0.4 * exp(-t / 8)) * (Int(t) % 2 == 0 ? 1.06 : 0.94),
      ]
    }
    #expect(diagnoser.diagnose(records).label != .overfitting)
  }

  /// A flicker around a level that has gone flat is no overfitting either, for an even number of
  /// late epochs too: the fifth session's rule compared the upper middle of those epochs — a
  /// flicker peak — with a 3-epoch-average minimum, so a flat ±6% flicker reached its 8% bar (found
  /// after that round's scoring; the sixth compares the late epochs' mean).
  @Test(arguments: [24, 25, 30, 31])
  func aFlickerAroundAFlatLevelIsNotOverfitting(epochs: Int) {
    let records = history(epochs, noise: 0.0) { t in
      [
        "loss": 0.15 + 1.0 * exp(-t / 8),
        "val_loss": (0.6 + 0.3 * exp(-t / 3)) * (Int(t) % 2 == 0 ? 1.06 : 0.94),
      ]
    }
    #expect(diagnoser.diagnose(records).label != .overfitting)
  }

  /// Mini-batches of a few rows make the train loss noisy (±2.5% from epoch to epoch, below the
  /// large zig-zag bar) while it still halves over the last two thirds: the moderate val zig-zag
  /// around a climbing level is memorizing, not an overshooting step.
  @Test func aFlickeringRiseOverANoisyButFallingTrainLossIsOverfitting() {
    let records = history(60, noise: 0.0) { t in
      [
        "loss": (0.05 + 0.6 * exp(-t / 25)) * (Int(t) % 2 == 0 ? 1.025 : 0.975),
        "val_loss": (0.5 + 0.2 * exp(-t / 3) + 0.006 * max(0, t - 10))
          * (Int(t) % 2 == 0 ? 1.06 : 0.94),
      ]
    }
    let diagnosis = diagnoser.diagnose(records)
    #expect(diagnosis.label == .overfitting)
    #expect(!diagnosis.verdicts.contains { $0.kind == .oscillation })
  }

  /// The same val_loss over a noisy train loss that has stalled is a step that overshoots.
  @Test func theSameValLossOverANoisyStalledTrainLossIsOscillation() {
    let records = history(60, noise: 0.0) { t in
      [
        "loss": (0.3 + 0.4 * exp(-t / 5)) * (Int(t) % 2 == 0 ? 1.025 : 0.975),
        "val_loss": (0.5 + 0.2 * exp(-t / 3) + 0.006 * max(0, t - 10))
          * (Int(t) % 2 == 0 ? 1.06 : 0.94),
      ]
    }
    #expect(diagnoser.diagnose(records).label == .oscillation)
  }

  /// The real run (holdout-4, tuning data since the sixth session): RMSprop η 1e-3 on 60 noisy
  /// two-moons rows, 150 epochs, Keras — val_loss zig-zags 12% while it climbs 66–93% from its
  /// minimum and the train loss falls by half: called oscillation before the sixth session.
  @Test func theNoisyTwoMoonsRMSpropRunIsOverfitting() throws {
    let corpus = try DiagnosisCorpus(fixtures: FieldCorpusTests.fixtures)
    let file = "field-corpus/holdout-4/keras/overfitting-moons-small-rmsprop-s47.csv"
    let run = try #require(corpus.runs.first { $0.file == file })
    #expect(run.half == .holdout4)
    #expect(try corpus.diagnose(run).diagnosis.label == .overfitting)
  }

  /// The real run (holdout-3, tuning data since the fifth session): RMSprop η 5e-4 on 2000
  /// Fashion-MNIST t10k images, trained by Keras well past convergence — val_loss flickers 16% from
  /// epoch to epoch around a level 9% above its best while the train loss halves.
  @Test func theKerasMildFlickerRunIsOverfitting() throws {
    let corpus = try DiagnosisCorpus(fixtures: FieldCorpusTests.fixtures)
    let file = "field-corpus/holdout-3/keras/overfitting-fashion-test-mild-rmsprop-s39.csv"
    let run = try #require(corpus.runs.first { $0.file == file })
    #expect(run.half == .holdout3)
    #expect(try corpus.diagnose(run).diagnosis.label == .overfitting)
  }
}
