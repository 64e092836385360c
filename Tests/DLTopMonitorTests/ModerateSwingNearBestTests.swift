import Foundation
import Testing

@testable import DLTopMonitor

/// A moderate zig-zag of val_loss (±10–15% from epoch to epoch) that ends within 8% of its minimum
/// is a healthy run's noise — a bump or two that the run recovered from — not oscillation
/// (issue 11, the sixth session: holdout-4's healthy momentum runs on Fashion-MNIST t10k). The same
/// zig-zag ending well above its minimum stays oscillation.
struct ModerateSwingNearBestTests {
  let diagnoser = Diagnoser(options: Diagnoser.Options(classCount: 10))

  /// val_loss keeps falling while it bumps up 15% every other epoch from epoch 5 on, and
  /// ends on its trend — or, with `end` > 1, that many times above it in the last three epochs.
  /// The train loss falls slowly and smoothly (too little for the flicker rule).
  static func records(end: Double) -> [EpochRecord] {
    history(12, noise: 0.0) { t in
      let level = 0.55 + 0.35 * exp(-t / 4)
      let bump = t >= 5 && Int(t) % 2 == 1 ? 1.15 : 1
      return [
        "loss": 0.4 + 0.5 * exp(-t / 4), "val_loss": level * bump * (t > 9 ? end : 1),
      ]
    }
  }

  @Test func aModerateZigZagThatEndsAtItsBestIsNotOscillation() {
    let records = Self.records(end: 1.0)
    #expect(Diagnoser.endsNearItsBest(Diagnoser.curves(of: records).validationLoss))
    #expect(diagnoser.diagnose(records).label == .healthy)
  }

  @Test func theSameZigZagEndingWellAboveItsBestIsOscillation() {
    let records = Self.records(end: 1.2)
    #expect(!Diagnoser.endsNearItsBest(Diagnoser.curves(of: records).validationLoss))
    #expect(diagnoser.diagnose(records).label == .oscillation)
  }

  @Test func theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
    #expect(Diagnoser.median(of: [4.0, 1, 3, 2]) == 2.5)
    #expect(Diagnoser.median(of: [5.0, 1, 3]) == 3)
    #expect(Diagnoser.median(of: [Double]()).isNaN)
  }

  /// The real runs (holdout-4, tuning data since the sixth session): SGD momentum η 0.03 on 2000
  /// Fashion-MNIST t10k images, 12 epochs; val_loss bumps up 11–14% a few times and ends 6–7% above
  /// its minimum. Called oscillation before the sixth session.
  @Test(arguments: [
    "dltop/healthy-fashion-test-momentum-bump-s71.jsonl",
    "keras/healthy-fashion-test-momentum-bump-s47.csv",
  ])
  func theMomentumBumpRunsAreHealthy(file: String) throws {
    let corpus = try DiagnosisCorpus(fixtures: FieldCorpusTests.fixtures)
    let run = try #require(corpus.runs.first { $0.file == "field-corpus/holdout-4/" + file })
    #expect(run.half == .holdout4)
    #expect(try corpus.diagnose(run).diagnosis.label == .healthy)
  }
}
