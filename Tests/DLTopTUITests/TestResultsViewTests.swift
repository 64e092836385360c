import DLTopMonitor
import Testing

@testable import DLTopTUI

/// The test-results view: opens by itself when a run finishes with test results, `t` toggles it,
/// and its golden screens for a ten-class and a binary task.
@MainActor
struct TestResultsViewTests {
  /// SampleRun finished, with a test confusion matrix whose diagonal holds 80–99 of 100.
  static func finished() -> TrainingSnapshot {
    var snapshot = SampleRun.snapshot()
    snapshot.status = .finished(reason: "all 30 epochs run")
    let k = SampleRun.classNames.count
    var counts = Array(repeating: Array(repeating: 0, count: k), count: k)
    for i in 0..<k {
      let right = 80 + (i * 7) % 20
      counts[i][i] = right
      counts[i][(i + 1) % k] = 100 - right
    }
    let correct = (0..<k).map { counts[$0][$0] }.reduce(0, +)
    snapshot.test = TestSummary(
      loss: 0.38521, accuracy: Double(correct) / 1000, confusion: counts, sampleCount: 1000)
    return snapshot
  }

  static func binary() -> TrainingSnapshot {
    var snapshot = SampleRun.snapshot()
    snapshot.run.classNames = ["benign", "malignant"]
    snapshot.status = .finished(reason: "early stopping: no improvement")
    snapshot.test = TestSummary(
      loss: 0.0912, accuracy: 110.0 / 114,
      confusion: [[70, 2], [2, 40]], positiveClass: 1, sampleCount: 114)
    return snapshot
  }

  func render(_ snapshot: TrainingSnapshot, _ size: (Int, Int)) -> [String] {
    let d = Dashboard(snapshot: SampleRun.snapshot(), clock: { 0 })
    d.update(snapshot: snapshot)
    return d.render(snapshot: snapshot, size: size).lines
  }

  @Test func testResultsViewAt120x40() { assertSnapshot(render(Self.finished(), (120, 40))) }
  @Test func testResultsViewAt80x24() { assertSnapshot(render(Self.finished(), (80, 24))) }
  @Test func binaryTestResultsAt100x30() { assertSnapshot(render(Self.binary(), (100, 30))) }

  @Test func theViewOpensOnceWhenTheRunFinishesAndTTogglesIt() {
    let d = Dashboard(snapshot: SampleRun.snapshot(), clock: { 0 })
    #expect(!d.state.testResultsVisible)
    d.update(snapshot: Self.finished())
    #expect(d.state.testResultsVisible)
    _ = d.handle(key: .char("x"))
    #expect(!d.state.testResultsVisible)
    d.update(snapshot: Self.finished())
    #expect(!d.state.testResultsVisible, "closing it is final: it does not reopen by itself")
    _ = d.handle(key: .char("t"))
    #expect(d.state.testResultsVisible)
    _ = d.handle(key: .char("t"))
    #expect(!d.state.testResultsVisible)
  }

  @Test func tBeforeTheEndSaysWhyThereIsNothingToShow() {
    let d = Dashboard(snapshot: SampleRun.snapshot(), clock: { 0 })
    _ = d.handle(key: .char("t"))
    #expect(!d.state.testResultsVisible)
    #expect(d.state.message == Dashboard.noTestResultsMessage)
  }

  @Test func quitFromTheViewQuits() {
    let d = Dashboard(snapshot: SampleRun.snapshot(), clock: { 0 })
    d.update(snapshot: Self.finished())
    #expect(d.handle(key: .char("q")) == [.quit])
  }

  @Test func perClassScoresComeFromTheTestConfusionMatrix() {
    let results = Self.binary().test!
    let malignant = results.scores(ofClass: 1)!
    #expect(malignant.precision == 40.0 / 42)
    #expect(malignant.recall == 40.0 / 42)
    #expect(malignant.support == 42)
    let lines = TestResultsOverlay(results: results, classNames: ["benign", "malignant"])
      .summaryLines()
    #expect(lines[0] == "test split  114 samples   loss 0.0912   accuracy 0.9649 (96.49%)")
    #expect(
      lines.contains {
        $0.hasPrefix("positive class malignant: precision 95.2%")
          && $0.hasSuffix("TP 40 FP 2 FN 2 TN 70")
      })
  }
}
