import DLTopMonitor
import Testing

@testable import DLTopTUI

/// The keys `dltop watch` adds: the run picker (`r`) and the metric choice (`v`), and how a
/// watched run says that control is advice only.
@MainActor
struct WatchDashboardTests {
  func watch(_ snapshot: TrainingSnapshot = WatchSample.snapshot()) -> Dashboard {
    Dashboard(snapshot: snapshot, clock: { 0 })
  }

  @Test func rOpensThePickerOnTheMainRunAndEscOrRCloseIt() {
    let d = watch()
    #expect(d.handle(key: .char("r")).isEmpty)
    #expect(d.state.runPickerVisible)
    #expect(d.state.runPickerSelection == WatchSample.mainName)
    _ = d.handle(key: .escape)
    #expect(!d.state.runPickerVisible)
    _ = d.handle(key: .char("r"))
    _ = d.handle(key: .char("r"))
    #expect(!d.state.runPickerVisible)
  }

  @Test func rWithoutOtherRunsSaysWhereRunsComeFrom() {
    let d = Dashboard(snapshot: SampleRun.snapshot(), clock: { 0 })
    #expect(d.handle(key: .char("r")).isEmpty)
    #expect(!d.state.runPickerVisible)
    #expect(
      d.state.message == "no other runs to compare (dltop watch FOLDER lists the runs it finds)")
  }

  @Test func thePickerListsEveryRunSortedByName() {
    let list = RunList(snapshot: WatchSample.snapshot(), overlay: [:])
    #expect(list.entries.map(\.name) == WatchSample.sortedNames)
    #expect(list.entries.map(\.isMain) == [false, true, false])
    #expect(list.mainPosition == 1)
    #expect(list.overlaid.map(\.name) == [WatchSample.slowName, WatchSample.fastName])
  }

  @Test func arrowsMoveAndStopAtTheEnds() {
    let d = watch()
    _ = d.handle(key: .char("r"))
    _ = d.handle(key: .down)
    #expect(d.state.runPickerSelection == WatchSample.fastName)
    _ = d.handle(key: .down)
    #expect(d.state.runPickerSelection == WatchSample.fastName)
    for _ in 0..<3 { _ = d.handle(key: .up) }
    #expect(d.state.runPickerSelection == WatchSample.slowName)
  }

  @Test func spaceTogglesTheHighlightedRunsOverlay() {
    let d = watch()
    _ = d.handle(key: .char("r"))
    _ = d.handle(key: .down)
    #expect(d.handle(key: .char(" ")).isEmpty)
    #expect(d.state.runOverlay[WatchSample.fastName] == false)
    #expect(
      RunList(snapshot: d.snapshot, overlay: d.state.runOverlay).overlaid.map(\.name) == [
        WatchSample.slowName
      ])
    _ = d.handle(key: .char(" "))
    #expect(d.state.runOverlay[WatchSample.fastName] == true)
    #expect(d.state.runPickerVisible)
  }

  @Test func overlayStartsFromTheProducersVisibilityAndTheChoiceSticks() {
    let d = watch(WatchSample.snapshot(slowVisible: false))
    #expect(
      RunList(snapshot: d.snapshot, overlay: [:]).overlaid.map(\.name) == [WatchSample.fastName])
    _ = d.handle(key: .char("r"))
    _ = d.handle(key: .up)
    _ = d.handle(key: .char(" "))
    // A newer snapshot from the producer still says hidden: the choice in the picker wins.
    let newer = d.render(snapshot: WatchSample.snapshot(slowVisible: false), size: (120, 40))
    #expect(RunList(snapshot: d.snapshot, overlay: d.state.runOverlay).overlaid.count == 2)
    #expect(newer.lines[3].contains("◆ exp-a-sgd"))
  }

  @Test func spaceOnTheMainRunSaysItIsAlwaysDrawn() {
    let d = watch()
    _ = d.handle(key: .char("r"))
    #expect(d.handle(key: .char(" ")).isEmpty)
    #expect(d.state.runOverlay.isEmpty)
    #expect(d.state.message?.hasPrefix("the main run is always drawn") == true)
  }

  @Test func enterSendsSelectRunWithThePositionInNameOrder() {
    let d = watch()
    _ = d.handle(key: .char("r"))
    _ = d.handle(key: .up)
    #expect(d.handle(key: .char("\r")) == [.send(.selectRun(index: 0))])
    #expect(!d.state.runPickerVisible)
    #expect(d.state.message == "switching to " + WatchSample.slowName)
    _ = d.handle(key: .char("r"))
    _ = d.handle(key: .down)
    #expect(d.handle(key: .char("\n")) == [.send(.selectRun(index: 2))])
  }

  @Test func enterOnTheMainRunSendsNothing() {
    let d = watch()
    _ = d.handle(key: .char("r"))
    #expect(d.handle(key: .char("\r")).isEmpty)
    #expect(!d.state.runPickerVisible)
    #expect(d.state.message == WatchSample.mainName + " is already the main run")
  }

  @Test func thePickerSwallowsOtherKeysButQuitStillQuits() {
    let d = watch()
    _ = d.handle(key: .char("r"))
    #expect(d.handle(key: .char("l")).isEmpty)
    #expect(!d.state.logScale)
    #expect(d.state.runPickerVisible)
    #expect(d.handle(key: .char("q")) == [.quit])
  }

  @Test func vCyclesPanelTwoThroughTheUnmappedScalarsAndBack() {
    let d = watch()
    #expect(MetricPanel.metricChoices(in: d.snapshot) == ["accuracy", "epoch_time", "f1"])
    _ = d.handle(key: .char("v"))
    #expect(d.state.chosenMetric == "epoch_time")
    #expect(d.state.message == "panel 2 shows epoch_time")
    _ = d.handle(key: .char("v"))
    #expect(d.state.chosenMetric == "f1")
    let grid = d.render(snapshot: d.snapshot, size: (120, 40))
    #expect(grid.lines[2].contains("┤2 f1├"))
    #expect(grid.lines[17].contains("train 0.889  val 0.809"))
    _ = d.handle(key: .char("v"))
    #expect(d.state.chosenMetric == nil)
    #expect(d.render(snapshot: d.snapshot, size: (120, 40)).lines[2].contains("┤2 accuracy├"))
  }

  @Test func vWithoutUnmappedScalarsSaysSo() {
    let d = Dashboard(snapshot: SampleRun.snapshot(), clock: { 0 })
    _ = d.handle(key: .char("v"))
    #expect(d.state.chosenMetric == nil)
    #expect(d.state.message == "no other metrics: this run logs no unmapped scalars")
  }

  @Test func aChosenMetricThatDisappearsFallsBackToTheMainOne() {
    var snapshot = WatchSample.snapshot()
    snapshot.unmappedScalars = []
    #expect(MetricPanel.shownMetric(in: snapshot, chosen: "f1") == "accuracy")
    #expect(MetricPanel.shownMetric(in: WatchSample.snapshot(), chosen: "f1") == "f1")
  }

  @Test func aValidationOnlyScalarIsListedAndDrawnAsTheValLine() {
    var snapshot = WatchSample.snapshot()
    snapshot.unmappedScalars = ["val_auc"]
    for i in snapshot.epochs.indices { snapshot.epochs[i].metrics["val_auc"] = 0.9 }
    #expect(MetricPanel.metricChoices(in: snapshot) == ["accuracy", "val_auc"])
    let d = watch(snapshot)
    _ = d.handle(key: .char("v"))
    // Panel 2's top edge, columns 48..<84 at 120×40.
    let top = String(
      d.render(snapshot: snapshot, size: (120, 40)).lines[2].dropFirst(48).prefix(36))
    #expect(top.contains("┤2 val_auc├"))
    #expect(top.contains("┄• val") && !top.contains("train"))
  }

  @Test func controlKeysOfAWatchedFolderAreRefusedWithTheReason() {
    let d = watch()
    for key: Key in [.char(" "), .char("p"), .char("]"), .char("["), .char("e")] {
      #expect(d.handle(key: key).isEmpty)
      #expect(d.state.message == "watching an external run: dltop cannot pause or steer it")
    }
  }

  @Test func aWatchedRunSaysControlIsAdviceOnly() {
    let d = watch()
    let lines = d.render(snapshot: d.snapshot, size: (120, 40)).lines
    #expect(lines[0].hasPrefix("WATCHING"))
    #expect(lines[1].contains("early stop would fire at e19"))
    #expect(lines[1].contains("advice only"))
    #expect(!lines[1].contains("patience"))
    #expect(lines[39].hasSuffix("watch: advice only, cannot pause or steer"))
    // Our own run with the same early-stopping state keeps its patience counter.
    var own = WatchSample.snapshot()
    own.run.controllable = true
    let ownLines = Dashboard(snapshot: own, clock: { 0 }).render(snapshot: own, size: (120, 40))
      .lines
    #expect(ownLines[1].contains("patience 6/5"))
    #expect(!ownLines[39].contains("advice only"))
  }

  @Test func overlaidRunsWidenTheAxesToFitThem() {
    var snapshot = WatchSample.snapshot()
    snapshot.comparisonRuns[0].epochs[0].metrics["loss"] = 4.0
    let lines = watch(snapshot).render(snapshot: snapshot, size: (120, 40)).lines
    #expect(lines[4].hasPrefix("│4"))
    snapshot.comparisonRuns[0].visible = false
    let hidden = watch(snapshot).render(snapshot: snapshot, size: (120, 40)).lines
    #expect(!hidden[4].hasPrefix("│4"))
  }

  @Test func aLongRunListScrollsToKeepTheHighlightInView() {
    var snapshot = WatchSample.snapshot()
    snapshot.comparisonRuns = (0..<30).map {
      ComparisonRun(name: "runs/trial-\($0 < 10 ? "0" : "")\($0)", epochs: [])
    }
    let d = watch(snapshot)
    _ = d.handle(key: .char("r"))
    for _ in 0..<25 { _ = d.handle(key: .down) }
    #expect(d.state.runPickerSelection == "runs/trial-24")
    let lines = d.render(snapshot: snapshot, size: (80, 24)).lines
    // Thirty runs are too many to overlay by default, and the picker drops the shared folder.
    #expect(lines.contains { $0.contains("▸ [ ] ") && $0.contains(" trial-24 ") })
    #expect(lines.contains { $0.contains("┤runs (31)├") })
  }

  @Test func theHighlightFollowsItsRunWhenANewRunAppears() {
    let d = watch()
    _ = d.handle(key: .char("r"))
    _ = d.handle(key: .down)
    var newer = WatchSample.snapshot()
    newer.comparisonRuns.append(ComparisonRun(name: "runs/exp-0-first", epochs: []))
    _ = d.render(snapshot: newer, size: (120, 40))
    #expect(d.handle(key: .char("\r")) == [.send(.selectRun(index: 3))])
  }

  @Test func runNamesAreShortenedForLegends() {
    #expect(RunList.abbreviate("runs/exp1", to: 12) == "runs/exp1")
    #expect(RunList.abbreviate("lightning_logs/version_12", to: 12) == "version_12")
    #expect(RunList.abbreviate("lightning_logs/version_12", to: 8) == "ve…on_12")
    #expect(RunList.abbreviate("abcdefghij", to: 2) == "ij")
    #expect(RunList.commonFolder(of: ["runs/a/x", "runs/a/y", "runs/b"]) == "runs/")
    #expect(RunList.commonFolder(of: ["a", "runs/b"]) == "")
    #expect(RunList.fittedWidths(["abcdefgh", "ab"], width: 14, extra: 2) == [8, 2])
    #expect(RunList.fittedWidths(["abcdefgh", "abcdef"], width: 14, extra: 2) == [5, 5])
  }
}
