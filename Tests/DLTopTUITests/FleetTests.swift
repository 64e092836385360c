import DLTopMonitor
import Testing

@testable import DLTopTUI

/// Fleets of runs: beyond a few runs nothing is overlaid until the picker chooses; select
/// all/none, sort and filter in the picker; legends name the part that tells runs apart; the
/// run-comparison table and its golden screens.
@MainActor
struct FleetTests {
  /// A sweep of `count` runs `sweep/run_000/metrics.csv`… whose best val_loss falls with the
  /// run number modulo 7, with `lr` and `batch` hyper-parameters.
  static func sweep(_ count: Int) -> TrainingSnapshot {
    var snapshot = WatchSample.snapshot()
    func name(_ i: Int) -> String {
      "sweep/run_" + String(repeating: "0", count: 3 - String(i).count) + "\(i)/metrics.csv"
    }
    func configuration(_ i: Int) -> [RunDescription.KeyValue] {
      [
        .init("lr", ["0.1", "0.01", "0.001"][i % 3]), .init("batch", i % 2 == 0 ? "64" : "128"),
        .init("optimizer", "adam"),
      ]
    }
    snapshot.run.name = name(0)
    snapshot.run.configuration = configuration(0)
    snapshot.comparisonRuns = (1..<count).map { i in
      ComparisonRun(
        name: name(i),
        epochs: WatchSample.run(epochs: 8 + i % 5, speed: 0.5 + Double(i % 7) / 4, overfit: 0),
        configuration: configuration(i))
    }
    return snapshot
  }

  func dashboard(_ snapshot: TrainingSnapshot, keys: [Key]) -> Dashboard {
    let d = Dashboard(snapshot: snapshot, clock: { 0 })
    for key in keys { _ = d.handle(key: key) }
    return d
  }

  @Test func beyondAFewRunsNothingIsOverlaidUntilThePickerChooses() {
    let few = RunList(snapshot: Self.sweep(RunList.overlayLimit + 1), overlay: [:])
    #expect(few.overlaid.count == RunList.overlayLimit)
    let many = RunList(snapshot: Self.sweep(200), overlay: [:])
    #expect(many.overlaid.isEmpty)
  }

  @Test func aRunStillLoadingSaysSoInThePicker() {
    var snapshot = Self.sweep(3)
    snapshot.comparisonRuns[1].loading = true
    snapshot.comparisonRuns[1].epochs = []
    let list = RunList(snapshot: snapshot, overlay: [:])
    #expect(list.entries.map(\.loading) == [false, false, true])
    #expect(RunPickerOverlay.info(list.entries[2]) == "loading")
    #expect(RunPickerOverlay.info(list.entries[1]).hasSuffix(" ep") == false)
    #expect(RunPickerOverlay.info(list.entries[1]).hasPrefix("9 ep"))
  }

  @Test func aOverlaysEveryListedRunAndNNone() {
    let snapshot = Self.sweep(200)
    let d = dashboard(snapshot, keys: [.char("r"), .char("a")])
    #expect(RunList(snapshot: snapshot, overlay: d.state.runOverlay).overlaid.count == 199)
    _ = d.handle(key: .char("n"))
    #expect(RunList(snapshot: snapshot, overlay: d.state.runOverlay).overlaid.isEmpty)
  }

  @Test func theFilterNarrowsTheListAndASelectsOnlyWhatItShows() {
    let snapshot = Self.sweep(200)
    let keys: [Key] =
      [.char("r"), .char("/")] + "run_01".map { .char($0) } + [.char("\r"), .char("a")]
    let d = dashboard(snapshot, keys: keys)
    let list = RunList(snapshot: snapshot, overlay: d.state.runOverlay)
    #expect(list.pickerOrder(sort: .name, filter: d.state.runFilter).count == 10)
    #expect(list.overlaid.count == 10)
    #expect(list.overlaid.allSatisfy { $0.name.contains("run_01") })
  }

  @Test func sortingByMetricPutsTheBestRunFirst() {
    let list = RunList(snapshot: Self.sweep(20), overlay: [:])
    let order = list.pickerOrder(sort: .metric, filter: "")
    let best = order.map { RunList.bestLoss(list.entries[$0].epochs) ?? .infinity }
    #expect(best == best.sorted())
    #expect(list.pickerOrder(sort: .name, filter: "") == Array(list.entries.indices))
  }

  @Test func sortingByRecencyPutsTheLastChangedLogFirstAndUnknownTimesLast() {
    var snapshot = Self.sweep(5)
    // run_000 (the main run) changed at t=100, run_001 unknown, run_002…004 at 300, 200, 400.
    snapshot.progress.lastModification = 100
    for (i, time) in ([nil, 300, 200, 400] as [Double?]).enumerated() {
      snapshot.comparisonRuns[i].lastModification = time
    }
    let list = RunList(snapshot: snapshot, overlay: [:])
    let order = list.pickerOrder(sort: .recency, filter: "")
    #expect(
      order.map { list.shortName(list.entries[$0].name) } == [
        "run_004", "run_002", "run_003", "run_000", "run_001",
      ])
    let d = dashboard(snapshot, keys: [.char("r"), .char("o"), .char("o"), .char("o")])
    #expect(d.state.runSort == .recency)
    #expect(d.state.message == "runs sorted by last change")
  }

  @Test func enterSwitchesToTheHighlightedRunByItsNameOrderWhateverTheShownOrder() {
    let snapshot = Self.sweep(20)
    let d = dashboard(snapshot, keys: [.char("r"), .char("o"), .down])
    let list = RunList(snapshot: snapshot, overlay: [:])
    let chosen = list.highlighted(d.state.runPickerSelection)
    #expect(d.handle(key: .char("\r")) == [.send(.selectRun(index: chosen))])
  }

  @Test func legendsNameThePartThatTellsRunsApart() {
    let list = RunList(snapshot: Self.sweep(3), overlay: [:])
    #expect(list.shortName("sweep/run_002/metrics.csv") == "run_002")
    #expect(RunList.commonEnding(of: ["a.csv", "b.csv"]) == ".csv")
    #expect(RunList.commonEnding(of: ["x/metrics.csv", "y/metrics.csv"]) == "/metrics.csv")
    #expect(RunList.commonEnding(of: ["lr0.1", "lr0.01"]) == "")
  }

  @Test func theComparisonListsVaryingParametersAsColumnsAndSharedOnesOnce() {
    let comparison = RunComparison(snapshot: Self.sweep(6))
    #expect(comparison.varyingKeys == ["lr", "batch"])
    #expect(comparison.sharedParameters.map(\.key) == ["optimizer"])
    #expect(comparison.rows.count == 6)
    let csv = comparison.csv.split(separator: "\n")
    #expect(
      csv[0] == "run,lr,batch,optimizer,epochs,best_loss,best_epoch,loss,val_loss,val_accuracy")
    #expect(csv.count == 7)
    #expect(csv[1].hasPrefix("sweep/run_000/metrics.csv,0.1,64,adam,"))
  }

  @Test func comparisonTableAt120x40() {
    let d = dashboard(Self.sweep(8), keys: [.char("R")])
    assertSnapshot(d.render(snapshot: Self.sweep(8), size: (120, 40)).lines)
  }

  @Test func comparisonTableSortedByLearningRateAt100x30() {
    let d = dashboard(Self.sweep(8), keys: [.char("R"), .left, .left, .left, .left, .char("i")])
    assertSnapshot(d.render(snapshot: Self.sweep(8), size: (100, 30)).lines)
  }

  @Test func twoHundredRunsWithAllOverlaidAt120x40() {
    let snapshot = Self.sweep(200)
    let d = dashboard(snapshot, keys: [.char("r"), .char("a"), .escape])
    assertSnapshot(d.render(snapshot: snapshot, size: (120, 40)).lines)
  }

  @Test func pickerFilteredAndSortedAt100x30() {
    let snapshot = Self.sweep(200)
    let keys: [Key] = [.char("r"), .char("o"), .char("/")] + "_1".map { .char($0) }
    let d = dashboard(snapshot, keys: keys)
    assertSnapshot(d.render(snapshot: snapshot, size: (100, 30)).lines)
  }
}
