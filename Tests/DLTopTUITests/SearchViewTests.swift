import DLTopMonitor
import Foundation
import Testing

@testable import DLTopTUI

/// A fixed search: two rounds, every status, one diverged trial.
enum SampleSearch {
  static func snapshot() -> SearchSnapshot {
    let space = SearchSpace([
      SearchParameter(name: "lr", domain: .logUniform(1e-6...1e-2)),
      SearchParameter(name: "dropout", domain: .uniform(0...0.5)),
      SearchParameter(name: "model", domain: .choices(["mlp:64", "mlp:256,128"])),
    ])
    var snapshot = SearchSnapshot(
      title: "search digits", space: space, totalRounds: 2, pruner: "median stopping rule",
      parallelTrials: 2)
    snapshot.roundSpaces.append(
      space.narrowed(around: [[.number(3e-3), .number(0.2), .choice("mlp:256,128")]]))
    snapshot.elapsedSeconds = 83
    snapshot.budgetSeconds = 600
    let rows: [(TrialStatus, Double, Double, String, [Double])] = [
      (.done, 3e-3, 0.2, "mlp:256,128", [0.6, 0.35, 0.25, 0.2]),
      (.done, 1e-4, 0.1, "mlp:64", [1.4, 1.0, 0.8, 0.7]),
      (.pruned, 2e-6, 0.4, "mlp:64", [2.2]),
      (.failed, 9e-3, 0.05, "mlp:256,128", [.nan]),
      (.running, 2e-3, 0.3, "mlp:256,128", [0.7, 0.4]),
      (.queued, 4e-3, 0.25, "mlp:64", []),
    ]
    for (index, row) in rows.enumerated() {
      var trial = TrialSummary(
        id: index + 1, round: index < 4 ? 1 : 2,
        values: [.number(row.1), .number(row.2), .choice(row.3)],
        plannedEpochs: 4, command: "dltop train --lr \(row.1)")
      trial.status = row.0
      trial.runDirectory = "/tmp/search/trial-00\(index + 1)"
      trial.epochs = row.4.enumerated().map { epoch, loss in
        EpochRecord(
          epoch: epoch + 1,
          metrics: [
            MetricName.validationLoss.rawValue: loss,
            MetricName.validationAccuracy.rawValue: loss.isFinite ? 1 - loss / 3 : .nan,
          ])
      }
      if row.0 == .failed { trial.verdict = "diverged: loss became NaN at epoch 1, batch 3" }
      if row.0 == .pruned { trial.note = "pruned after epoch 1 (median stopping rule)" }
      snapshot.trials.append(trial)
    }
    return snapshot
  }
}

struct SearchViewTests {
  private func screen(_ width: Int, _ height: Int, configure: (inout SearchView) -> Void = { _ in })
    -> [String]
  {
    var view = SearchView(theme: .standard)
    configure(&view)
    return view.render(SampleSearch.snapshot(), width: width, height: height).lines
  }

  @Test func searchAt120x36() { assertSnapshot(screen(120, 36)) }
  @Test func searchSortedByIdWithSelectionAt100x30() {
    assertSnapshot(
      screen(100, 30) { view in
        _ = view.handle(.char("o"), snapshot: SampleSearch.snapshot())
        view.selectedID = 4
      })
  }
  @Test func searchTooSmallAt50x12() { assertSnapshot(screen(50, 12)) }

  @Test func aDivergedTrialSaysSo() {
    let lines = screen(120, 36) { $0.selectedID = 4 }
    #expect(lines.contains { $0.contains("#4: diverged: loss became NaN") })
  }

  @Test func keysStopPauseOpenAndQuit() {
    let snapshot = SampleSearch.snapshot()
    var view = SearchView(theme: .standard)
    view.selectedID = 5
    #expect(view.handle(.char("x"), snapshot: snapshot) == .send(.stopTrial(id: 5)))
    view.selectedID = 1
    #expect(
      view.handle(.char("x"), snapshot: snapshot) == nil, "a finished trial cannot be stopped")
    #expect(view.message?.contains("already ended") == true)
    #expect(view.handle(.char(" "), snapshot: snapshot) == .send(.pause))
    #expect(
      view.handle(.char("\r"), snapshot: snapshot) == .openTrial(directory: "/tmp/search/trial-001")
    )
    #expect(view.handle(.char("s"), snapshot: snapshot) == .requestSnapshot)
    #expect(view.handle(.char("q"), snapshot: snapshot) == .quit)
    // Down walks the ranked rows: 1 (0.2), 5 is running so unranked… the order is ranked().
    let order = snapshot.ranked().map(\.id)
    view.selectedID = order[0]
    _ = view.handle(.down, snapshot: snapshot)
    #expect(view.selectedID == order[1])
  }

  @Test func rangeTestPlotMarksTheSuggestions() {
    let rates = (0..<60).map { 1e-7 * pow(1e8, Double($0) / 60) }
    let losses = (0..<60).map { i -> Double in
      let x = Double(i)
      let fall: Double = 1.8 / (1 + exp((30 - x) / 4))
      let rise: Double = i > 50 ? (x - 50) * 0.3 : 0
      return 2.3 - fall + rise
    }
    let plot = RangeTestPlot(
      rates: rates, losses: losses, suggestions: [("valley", rates[30]), ("steep", rates[28])],
      title: "lr-find test")
    var grid = CellGrid(width: 80, height: 20)
    plot.render(into: &grid, area: grid.bounds, theme: Theme.noColors)
    assertSnapshot(grid.lines)
  }
}
