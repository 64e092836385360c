import DLTopMonitor
import Testing

@testable import DLTopTUI

/// Frames for runs that are empty, broken or unusual must still draw (NaN is data, not a crash).
struct EdgeCaseTests {
  static func starting() -> TrainingSnapshot {
    TrainingSnapshot(run: RunDescription(name: "new", source: "dltop", controllable: true))
  }

  static func diverged() -> TrainingSnapshot {
    var s = SampleRun.snapshot(finishedEpochs: 3)
    s.status = .diverged(epoch: 3)
    s.epochs[2].metrics["loss"] = .nan
    s.epochs[2].metrics["val_loss"] = .infinity
    s.batchLoss.append(.nan)
    s.batchLoss.append(.infinity)
    s.verdicts = []
    return s
  }

  static func regression() -> TrainingSnapshot {
    var s = TrainingSnapshot(
      run: RunDescription(name: "stocks", source: "dltop", controllable: true))
    s.status = .finished(reason: "all epochs")
    s.epochs = (1...5).map {
      EpochRecord(
        epoch: $0,
        metrics: ["loss": 1 / Double($0), "mae": 2 / Double($0), "val_mae": 2.5 / Double($0)])
    }
    return s
  }

  static func singleEpochHugeValues() -> TrainingSnapshot {
    var s = TrainingSnapshot(
      run: RunDescription(name: "x", source: "dltop", classNames: ["a"], controllable: true))
    s.epochs = [EpochRecord(epoch: 0, metrics: ["loss": 1e30, "val_loss": -1e-30, "accuracy": 0])]
    s.confusions = [ConfusionRecord(epoch: 0, counts: [[0]])]
    s.progress.batchesPerEpoch = 0
    return s
  }

  static func manyClasses() -> TrainingSnapshot {
    var s = SampleRun.snapshot(finishedEpochs: 2)
    s.run.classNames = (0..<100).map { "class number \($0)" }
    s.confusions = [
      ConfusionRecord(epoch: 2, counts: (0..<100).map { i in (0..<100).map { $0 == i ? 90 : 1 } })
    ]
    return s
  }

  @Test(arguments: [(20, 6), (50, 14), (80, 24), (120, 40), (200, 60)])
  func oddRunsDrawAtEverySize(width: Int, height: Int) {
    for snapshot in [
      Self.starting(), Self.diverged(), Self.regression(), Self.singleEpochHugeValues(),
    ] {
      for zoom in [nil, 1, 2, 3, 4, 5] as [Int?] {
        var state = DashboardState()
        state.zoom = zoom
        state.logScale = zoom == 1
        state.smoothing = zoom == 2
        let grid = Dashboard.frame(
          snapshot: snapshot, state: state, theme: .standard, size: (width, height))
        #expect(grid.lines.count == height)
        #expect(grid.lines.allSatisfy { $0.count == width })
      }
    }
  }

  @Test func divergedRunSaysSoInDiagnosisAndStatus() {
    let grid = Dashboard.frame(
      snapshot: Self.diverged(), state: DashboardState(), theme: .standard, size: (120, 40))
    #expect(grid.lines[0].hasPrefix("DIVERGED"))
    #expect(grid.screenText.contains("loss diverged at epoch 3"))
  }

  @Test func regressionShowsItsMainMetricInsteadOfAccuracy() {
    #expect(MetricPanel.mainMetric(in: Self.regression()) == "mae")
    let grid = Dashboard.frame(
      snapshot: Self.regression(), state: DashboardState(), theme: .standard, size: (120, 40))
    #expect(grid.screenText.contains("2 mae"))
    #expect(grid.screenText.contains("regression: no confusion matrix"))
  }

  @Test func startingRunWaitsForData() {
    let grid = Dashboard.frame(
      snapshot: Self.starting(), state: DashboardState(), theme: .standard, size: (80, 24))
    #expect(grid.lines[0].hasPrefix("STARTING"))
    #expect(grid.screenText.contains("waiting for the first epoch"))
  }
}
