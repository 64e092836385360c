import DLTopMonitor
import Foundation
import Testing

@testable import DLTopTUI

/// The `x` key on a real fine-tuning run (Hugging Face `Trainer`, 2 epochs of 1000 logged steps):
/// the loss chart draws the per-step curve on the epoch axis, then along steps; wall time is
/// skipped with the reason, since `trainer_state.json` logs none.
@MainActor
struct XAxisDashboardTests {
  static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../DLTopMonitorTests/Fixtures/ecosystem/huggingface_finetune/out")
    .standardized.path

  /// The run as `dltop watch` shows it, read to the end.
  static func watched(_ path: String = fixture) -> TrainingSnapshot {
    let session = WatchSession(path: path, link: WatchSession.makeLink(path: path))
    session.pollOnce()
    session.settleAll()
    return session.link.latest()
  }

  func lossPanel(_ dashboard: Dashboard, _ snapshot: TrainingSnapshot) -> [String] {
    // The loss chart zoomed: status and events (times, paths) stay out of the golden file.
    let lines = dashboard.render(snapshot: snapshot, size: (100, 30)).lines
    return Array(lines[2..<(lines.count - 1)])
  }

  @Test func theLossChartOfAFineTuningRunAlongEpochsThenSteps() {
    let snapshot = Self.watched()
    #expect(snapshot.batchLoss.count > 1900, "every logged step is in the per-step series")
    #expect(snapshot.epochs.map(\.epoch) == [1, 2])
    let dashboard = Dashboard(snapshot: snapshot, clock: { 0 })
    _ = dashboard.handle(key: .char("1"))
    let byEpoch = lossPanel(dashboard, snapshot)
    #expect(!byEpoch.joined().contains("x: step"))
    assertSnapshot(byEpoch, named: "fineTuningLossAlongEpochsAt100x30")
    _ = dashboard.handle(key: .char("x"))
    #expect(dashboard.state.xAxis == .step)
    #expect(dashboard.state.message == "x axis: step")
    let bySteps = lossPanel(dashboard, snapshot)
    #expect(bySteps.last?.contains("x: step") == true)
    let ticks = bySteps[bySteps.count - 2]
    #expect(ticks.contains("1000") && ticks.contains("2000"), "step ticks: \(ticks)")
    assertSnapshot(bySteps, named: "fineTuningLossAlongStepsAt100x30")
  }

  @Test func wallTimeIsSkippedWithTheReasonForATrainerState() {
    let dashboard = Dashboard(snapshot: Self.watched(), clock: { 0 })
    _ = dashboard.handle(key: .char("x"))
    _ = dashboard.handle(key: .char("x"))
    #expect(dashboard.state.xAxis == .epoch)
    #expect(
      dashboard.state.message
        == "x axis: epoch (no wall time: trainer_state.json logs no time per entry)")
  }

  @Test func aTensorBoardRunGoesOnTheWallTimeAxis() {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent(
        "../DLTopMonitorTests/Fixtures/ecosystem/lightning_tb/lightning_logs/version_0"
      ).standardized.path
    let snapshot = Self.watched(path)
    let dashboard = Dashboard(snapshot: snapshot, clock: { 0 })
    _ = dashboard.handle(key: .char("x"))
    _ = dashboard.handle(key: .char("x"))
    #expect(dashboard.state.xAxis == .time)
    #expect(dashboard.state.message == "x axis: wall time")
    let lines = dashboard.render(snapshot: snapshot, size: (120, 40)).lines
    #expect(lines.contains { $0.contains("x: wall time") })
  }
}
