import Foundation
import Testing

@testable import DLTopMonitor

/// A val_loss that climbs only 5–10% above its minimum is overfitting when the climb is steady and
/// long — at least 20 epochs, four times EarlyStopping's patience, almost every smoothed step up —
/// while the train loss keeps falling (issue 11, the sixth session: holdout-4's Keras mild-flicker
/// run on digits). A rise as small that is short or noisy stays healthy.
struct SteadyRiseOverfittingTests {
  let diagnoser = Diagnoser(options: Diagnoser.Options(classCount: 10))

  /// val_loss reaches its minimum at `bottom`, then climbs linearly to `rise` above it by `epochs`.
  static func records(epochs: Int, bottom: Double, rise: Double) -> [EpochRecord] {
    history(epochs, noise: 0.0) { t in
      let fall = 0.16 + 0.1 * exp(-t / 2)
      let climb = t > bottom ? 0.16 * rise * (t - bottom) / (Double(epochs) - bottom) : 0
      return ["loss": 0.5 * exp(-t / 3), "val_loss": fall + climb]
    }
  }

  @Test func aSteadyEightPercentClimbOverFortyEpochsIsOverfitting() {
    let diagnosis = diagnoser.diagnose(Self.records(epochs: 60, bottom: 12, rise: 0.08))
    #expect(diagnosis.label == .overfitting)
  }

  @Test func theSameClimbOverTenEpochsIsNot() {
    let diagnosis = diagnoser.diagnose(Self.records(epochs: 22, bottom: 12, rise: 0.08))
    #expect(diagnosis.label != .overfitting)
  }

  @Test func aClimbOfThreePercentIsNot() {
    let diagnosis = diagnoser.diagnose(Self.records(epochs: 60, bottom: 12, rise: 0.03))
    #expect(diagnosis.label != .overfitting)
  }

  @Test func theStepsMustMostlyBeUp() {
    // Up 0.006, down 0.002, up 0.006, …: a net climb, but only half of the steps up.
    var sawtooth: [Double] = [1]
    for step in 1..<30 {
      let change: Double = step % 2 == 1 ? 0.006 : -0.002
      sawtooth.append(sawtooth[step - 1] + change)
    }
    #expect(!Diagnoser.risesSteadily(sawtooth[...], over: 29, by: 0.06))
    let steady: [Double] = (0..<30).map { 1 + 0.002 * Double($0) }
    #expect(Diagnoser.risesSteadily(steady[...], over: 29, by: 0.06))
    #expect(!Diagnoser.risesSteadily(steady[...], over: 19, by: 0.06))
  }

  /// The real run (holdout-4, tuning data since the sixth session): Adam η 3e-3 on digits, 512
  /// units, 60 epochs; val_loss climbs 8% over 48 epochs, 90% of its smoothed steps up, while the
  /// train loss falls to 1e-4. Called healthy before the sixth session.
  @Test func theKerasMildFlickerRunOnDigitsIsOverfitting() throws {
    let corpus = try DiagnosisCorpus(fixtures: FieldCorpusTests.fixtures)
    let file = "field-corpus/holdout-4/keras/overfitting-digits-mild-adam-s47.csv"
    let run = try #require(corpus.runs.first { $0.file == file })
    #expect(run.half == .holdout4)
    #expect(try corpus.diagnose(run).diagnosis.label == .overfitting)
  }
}
