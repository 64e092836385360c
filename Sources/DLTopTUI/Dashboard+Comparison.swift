import DLTopMonitor

/// The run-comparison table (`R`): open and close it, and its keys.
extension Dashboard {
  /// What `R` says with one run.
  package static let noComparisonMessage =
    "one run: nothing to compare (dltop watch FOLDER compares the runs it finds)"

  func toggleRunComparison() {
    if state.comparisonVisible {
      state.comparisonVisible = false
    } else if snapshot.comparisonRuns.isEmpty {
      show(message: Self.noComparisonMessage)
      return
    } else {
      state.helpVisible = false
      state.testResultsVisible = false
      state.comparisonVisible = true
      state.comparisonScroll = 0
      if state.comparisonSortColumn == nil {
        // Best loss first: the question a sweep asks.
        let comparison = RunComparison(snapshot: snapshot)
        state.comparisonSortColumn = comparison.columns.firstIndex(of: "best_loss")
      }
    }
    changed()
  }

  /// Keys while the table is open: ←/→ choose the sort column, `i` inverts it, ↑/↓ scroll,
  /// `s` writes a snapshot (whose `runs.csv` holds the table), Esc or `R` close; quit, redraw and
  /// suspend work as everywhere.
  func handleRunComparison(key: Key) -> [DashboardEffect] {
    let columns = RunComparison(snapshot: snapshot).columns.count
    let column = state.comparisonSortColumn ?? 0
    switch key {
    case .left: state.comparisonSortColumn = (column + columns - 1) % columns
    case .right: state.comparisonSortColumn = (column + 1) % columns
    case .char("i"): state.comparisonDescending.toggle()
    case .up, .char("k"): state.comparisonScroll = max(0, state.comparisonScroll - 1)
    case .down, .char("j"):
      state.comparisonScroll = min(snapshot.comparisonRuns.count, state.comparisonScroll + 1)
    case .char("s"):
      show(message: "snapshot: runs.csv holds this table")
      return [.requestSnapshot]
    case .escape, .char("R"):
      state.comparisonVisible = false
    default:
      guard let action = Keymap.action(for: key),
        action == .quit || action == .redraw || action == .suspend
      else { return [] }
      if action == .quit { state.comparisonVisible = false }
      return handle(action)
    }
    changed()
    return []
  }
}
