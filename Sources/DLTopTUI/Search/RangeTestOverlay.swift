import DLTopMonitor

/// The learning-rate range test over the training dashboard's charts: the loss-against-η curve
/// as it grows, then the suggested rates marked and the question.
///
///     ╭─┤learning-rate range test · 143 of 200 batches (diverged)├──── loss ┊valley ┊steep η log╮
///     │ 2.5┤                                 ┊        ┊                                      ⡠⠊  │
///     │    …                                                                                     │
///     │     1e-7        1e-6  …                                                           10     │
///     │  use η = 6.9e-4 (valley)?  y use it · n keep η = 1e-3                                     │
///     ╰──────────────────────────────────────────────────────────────────────────────────────────╯
package struct RangeTestOverlay: Sendable {
  package var state: RangeTestState

  package init(state: RangeTestState) {
    self.state = state
  }

  /// The box title's first words, also what the e2e test waits for.
  package static let title = "learning-rate range test"

  /// `use η = 6.9e-4 (valley)?  y use it · n keep η = 1e-3`, once the test asks.
  package static func question(_ state: RangeTestState) -> String? {
    guard state.phase == .asking, let offered = state.offered else { return nil }
    return "use η = \(NumberFormat.rate(offered.rate)) (\(offered.method))?  y use it · "
      + "n keep η = \(NumberFormat.rate(state.currentRate))"
  }

  package func render(into grid: inout CellGrid, area: Rect, theme: Theme) {
    guard area.width >= 20, area.height >= 6 else { return }
    grid.fill(area, with: Cell(" ", style: theme.style(.mainForeground)))
    let batches = state.rates.count
    var title = Self.title
    let note: Span
    switch state.phase {
    case .running:
      title += " · batch \(batches) of \(state.iterations)"
      let rate = state.rates.last.map { "η = " + NumberFormat.rate($0) + " now; " } ?? ""
      note = Span(
        rate + "the run's own weights are not touched · q quits", theme.style(.inactive))
    case .asking:
      title += " · \(batches) of \(state.iterations) batches"
      if let reason = state.stopReason { title += " (\(reason))" }
      note = Span(Self.question(state) ?? "", theme.style(.highlight, bold: true))
    }
    let shownSuggestions = state.phase == .asking ? state.suggestions : []
    var plot = RangeTestPlot(
      rates: state.rates, losses: state.losses,
      suggestions: shownSuggestions.map { ($0.method, $0.rate) }, title: title)
    plot.notes = [[note]]
    plot.render(into: &grid, area: area, theme: theme)
  }
}
