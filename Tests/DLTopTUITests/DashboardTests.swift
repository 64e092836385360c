import DLTopMonitor
import Testing

@testable import DLTopTUI

@MainActor
struct DashboardTests {
  func dashboard(_ configure: (inout TrainingSnapshot) -> Void = { _ in }) -> Dashboard {
    var snapshot = SampleRun.snapshot()
    configure(&snapshot)
    return Dashboard(snapshot: snapshot, clock: { 0 })
  }

  @Test func pauseKeySendsPauseWhileRunningAndResumeWhilePaused() {
    #expect(dashboard().handle(key: .char(" ")) == [.send(.pause)])
    #expect(dashboard().handle(key: .char("p")) == [.send(.pause)])
    #expect(dashboard { $0.status = .paused }.handle(key: .char(" ")) == [.send(.resume)])
  }

  @Test func bracketKeysScaleTheLearningRateByTheShownFactor() {
    let d = dashboard()
    #expect(d.handle(key: .char("]")) == [.send(.scaleLearningRate(by: 2))])
    #expect(d.state.message == "learning rate ×2 (5e-4 → 1e-3)")
    #expect(d.handle(key: .char("[")) == [.send(.scaleLearningRate(by: 0.5))])
    #expect(d.handle(key: .char("+")) == [.send(.scaleLearningRate(by: 2))])
  }

  @Test func earlyStoppingKeyFlipsTheCurrentSetting() {
    #expect(dashboard().handle(key: .char("e")) == [.send(.setEarlyStopping(enabled: false))])
    #expect(
      dashboard { $0.earlyStopping = nil }.handle(key: .char("e")) == [
        .send(.setEarlyStopping(enabled: true))
      ])
  }

  @Test func quitAsksWhileTrainingRunsAndQOrYConfirms() {
    let d = dashboard()
    #expect(d.handle(key: .char("q")).isEmpty)
    #expect(d.state.quitPending)
    #expect(d.state.message?.contains("press q or y") == true)
    #expect(d.handle(key: .char("q")) == [.quit])
    let e = dashboard()
    _ = e.handle(key: .char("q"))
    #expect(e.handle(key: .char("y")) == [.quit])
  }

  @Test func anyOtherKeyCancelsTheQuitQuestion() {
    let d = dashboard()
    _ = d.handle(key: .char("q"))
    #expect(d.handle(key: .char("]")).isEmpty)
    #expect(!d.state.quitPending)
    #expect(d.state.message == "quit cancelled")
  }

  @Test func resizeKeepsTheQuitQuestionAndTheHelpOpen() {
    let d = dashboard()
    _ = d.handle(key: .char("q"))
    #expect(d.handle(key: .resize).isEmpty)
    #expect(d.state.quitPending)
    #expect(d.handle(key: .char("y")) == [.quit])
    let e = dashboard()
    _ = e.handle(key: .char("?"))
    _ = e.handle(key: .resize)
    #expect(e.state.helpVisible)
  }

  @Test func quitIsImmediateWhenTrainingHasFinishedOrIsWatched() {
    #expect(
      dashboard { $0.status = .finished(reason: "early stop") }.handle(key: .char("q")) == [.quit])
    #expect(SampleRun.snapshot(controllable: false).run.controllable == false)
    let watch = Dashboard(snapshot: SampleRun.snapshot(controllable: false), clock: { 0 })
    #expect(watch.handle(key: .char("q")) == [.quit])
  }

  @Test func controlKeysAreOffForRunsDltopDoesNotControl() {
    let watch = Dashboard(snapshot: SampleRun.snapshot(controllable: false), clock: { 0 })
    for key: Key in [.char(" "), .char("]"), .char("["), .char("e")] {
      #expect(watch.handle(key: key).isEmpty)
      #expect(watch.state.message == "watching an external run: dltop cannot pause or steer it")
    }
    #expect(watch.handle(key: .char("l")).isEmpty)
    #expect(watch.state.logScale)
  }

  @Test func controlKeysAreOffOnceTrainingEnded() {
    let d = dashboard { $0.status = .stopped(reason: "user") }
    #expect(d.handle(key: .char(" ")).isEmpty)
    #expect(d.state.message?.hasPrefix("training has ended") == true)
  }

  @Test func capitalMStepsTheSmoothingWeightAndTurnsSmoothingOn() {
    let d = dashboard()
    var seen: [Double?] = []
    for _ in 0..<6 {
      _ = d.handle(key: .char("M"))
      #expect(d.state.smoothing)
      seen.append(d.state.smoothingWeight)
    }
    #expect(seen == [0.6, 0.8, 0.9, 0.95, 0.99, nil])
    #expect(d.state.message?.hasPrefix("smoothing weight default") == true)
    _ = d.handle(key: .char("M"))
    let screen = d.render(snapshot: d.snapshot, size: (120, 40)).lines.joined(separator: "\n")
    #expect(screen.contains("loss ema 0.6"), "\(screen)")
  }

  @Test func viewKeysToggleStateAndBumpTheGeneration() {
    let d = dashboard()
    let before = d.generation
    _ = d.handle(key: .char("l"))
    _ = d.handle(key: .char("m"))
    _ = d.handle(key: .char("c"))
    #expect(d.state.logScale && d.state.smoothing && d.state.confusionValues == .rates)
    #expect(d.generation > before)
    _ = d.handle(key: .char("3"))
    #expect(d.state.zoom == 3)
    _ = d.handle(key: .escape)
    #expect(d.state.zoom == nil)
    _ = d.handle(key: .char("2"))
    _ = d.handle(key: .char("0"))
    #expect(d.state.zoom == nil)
  }

  @Test func leftAndRightStepThroughEarlierConfusionMatrices() {
    let d = dashboard()
    _ = d.handle(key: .left)
    _ = d.handle(key: .left)
    #expect(d.state.confusionEpoch == 16)
    #expect(ConfusionPanel.record(in: d.snapshot, epoch: d.state.confusionEpoch)?.epoch == 16)
    _ = d.handle(key: .right)
    #expect(d.state.confusionEpoch == 17)
    _ = d.handle(key: .right)
    #expect(d.state.confusionEpoch == nil)
    for _ in 0..<40 { _ = d.handle(key: .left) }
    #expect(d.state.confusionEpoch == 1)
  }

  @Test func aPinnedConfusionMatrixStaysWhileNewEpochsArrive() {
    let d = dashboard()
    _ = d.handle(key: .left)
    var newer = d.snapshot
    newer.confusions.append(ConfusionRecord(epoch: 19, counts: SampleRun.confusion(epoch: 19)))
    let grid = d.render(snapshot: newer, size: (120, 40))
    #expect(grid.screenText.contains("confusion e17"))
    #expect(grid.screenText.contains("2 back"))
  }

  @Test func arrowsScrollHistoryWhenAChartIsZoomed() {
    let d = dashboard()
    _ = d.handle(key: .char("1"))
    _ = d.handle(key: .up)
    #expect(d.state.historySpan == 9)
    _ = d.handle(key: .left)
    #expect(d.state.historyOffset == 2)
    #expect(d.state.confusionEpoch == nil)
    let context = PanelContext(snapshot: d.snapshot, state: d.state, theme: .standard, zoomed: true)
    #expect(context.historyRange(lastX: 18.5) == 7.5...16.5)
  }

  @Test func helpOpensWithQuestionMarkAndAnyKeyClosesIt() {
    let d = dashboard()
    _ = d.handle(key: .function(1))
    #expect(d.state.helpVisible)
    #expect(d.handle(key: .char("x")).isEmpty)
    #expect(!d.state.helpVisible)
  }

  @Test func snapshotRedrawAndSuspendBecomeEffects() {
    let d = dashboard()
    #expect(d.handle(key: .char("s")) == [.requestSnapshot])
    #expect(d.handle(key: .control("l")) == [.redraw])
    #expect(d.handle(key: .control("z")) == [.suspend])
  }

  @Test func messagesExpireOnTick() {
    var now = 0.0
    let d = Dashboard(snapshot: SampleRun.snapshot(), clock: { now })
    d.show(message: "hello")
    #expect(!d.tick())
    now = 10
    #expect(d.tick())
    #expect(d.state.message == nil)
  }

  @Test func pausedRunShowsPausedInTheStatusLine() {
    var snapshot = SampleRun.snapshot()
    snapshot.status = .paused
    let grid = Dashboard(snapshot: snapshot, clock: { 0 }).render(
      snapshot: snapshot, size: (80, 24))
    #expect(grid.lines[0].hasPrefix("PAUSED"))
  }

  @Test func watchedRunShowsWatching() {
    let snapshot = SampleRun.snapshot(controllable: false)
    let grid = Dashboard(snapshot: snapshot, clock: { 0 }).render(
      snapshot: snapshot, size: (80, 24))
    #expect(grid.lines[0].hasPrefix("WATCHING"))
    #expect(grid.lines[23].hasPrefix("q quit 1-5 zoom"))
  }

  @Test func smoothingAndLogScaleChangeTheLossPanel() {
    let d = dashboard()
    let plain = d.render(snapshot: d.snapshot, size: (80, 24)).lines
    _ = d.handle(key: .char("m"))
    let smoothed = d.render(snapshot: d.snapshot, size: (80, 24)).lines
    #expect(smoothed[2].contains("loss ema"))
    #expect(plain != smoothed)
    _ = d.handle(key: .char("l"))
    let logged = d.render(snapshot: d.snapshot, size: (80, 24)).lines
    #expect(logged != smoothed)
  }

  @Test func frameDrawsHundredsOfThousandsOfBatches() {
    let snapshot = SampleRun.snapshot()
    #expect(snapshot.batchLoss.count > 8000)
    let grid = Dashboard.frame(
      snapshot: snapshot, state: DashboardState(), theme: .standard, size: (200, 60))
    #expect(grid.width == 200 && grid.height == 60)
  }
}
