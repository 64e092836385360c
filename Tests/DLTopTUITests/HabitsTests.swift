import DLTopMonitor
import Testing

@testable import DLTopTUI

/// btop/htop habits and the status texts: F10 quits, the quit question names a paused run as
/// paused, "pausing after this batch" goes once PAUSED shows, and `v` offers every recorded
/// series of our own runs.
@MainActor
struct HabitsTests {
  @Test func f10QuitsLikeQ() {
    var snapshot = SampleRun.snapshot()
    snapshot.status = .finished(reason: "done")
    let d = Dashboard(snapshot: snapshot, clock: { 0 })
    #expect(d.handle(key: .function(10)) == [.quit])
  }

  @Test func f10AsksWhileTrainingAndASecondF10Confirms() {
    let d = Dashboard(snapshot: SampleRun.snapshot(), clock: { 0 })
    #expect(d.handle(key: .function(10)).isEmpty)
    #expect(d.state.quitPending)
    #expect(d.handle(key: .function(10)) == [.quit])
  }

  @Test func theQuitQuestionSaysPausedWhenPaused() {
    var snapshot = SampleRun.snapshot()
    snapshot.status = .paused
    let d = Dashboard(snapshot: snapshot, clock: { 0 })
    _ = d.handle(key: .char("q"))
    #expect(d.state.message?.hasPrefix("training is paused: press q or y") == true)
  }

  @Test func pausingMessageGoesWhenThePauseArrives() {
    let d = Dashboard(snapshot: SampleRun.snapshot(), clock: { 0 })
    _ = d.handle(key: .char(" "))
    #expect(d.state.message == "pausing after this batch")
    var paused = SampleRun.snapshot()
    paused.status = .paused
    d.update(snapshot: paused)
    #expect(d.state.message == nil)
    _ = d.handle(key: .char(" "))
    #expect(d.state.message == "resuming")
    d.update(snapshot: SampleRun.snapshot())
    #expect(d.state.message == nil)
  }

  @Test func vOffersGradientNormsAndTheOtherEngineSeriesInTrain() {
    var snapshot = SampleRun.snapshot()
    for i in snapshot.epochs.indices {
      snapshot.epochs[i].metrics["grad_norm"] = 1.5
      snapshot.epochs[i].metrics["grad_norm/dense1"] = 1.2
      snapshot.epochs[i].metrics["update_ratio"] = 1e-3
      snapshot.epochs[i].metrics["dead_relu"] = 0.1
      snapshot.epochs[i].metrics["weight_norm"] = 12
    }
    #expect(
      MetricPanel.metricChoices(in: snapshot) == [
        "accuracy", "dead_relu", "grad_norm", "grad_norm/dense1", "update_ratio", "weight_norm",
      ])
    let d = Dashboard(snapshot: snapshot, clock: { 0 })
    _ = d.handle(key: .char("v"))
    _ = d.handle(key: .char("v"))
    #expect(d.state.message == "panel 2 shows grad_norm")
    #expect(d.render(snapshot: snapshot, size: (120, 40)).lines[2].contains("┤2 grad_norm├"))
  }
}
