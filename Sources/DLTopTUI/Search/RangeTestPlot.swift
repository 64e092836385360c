/// The learning-rate range test's curve as a boxed chart: smoothed loss against η on a log axis,
/// with a vertical mark at each suggested rate (`dltop lr-find`).
package struct RangeTestPlot: Sendable {
  package var rates: [Double]
  package var losses: [Double]
  /// Suggested rates by method name (`valley`, `steep`), in drawing order.
  package var suggestions: [(method: String, rate: Double)]
  package var title: String
  /// Lines under the chart inside the box (the training dashboard's progress and question).
  package var notes: [[Span]] = []

  package init(
    rates: [Double], losses: [Double], suggestions: [(method: String, rate: Double)], title: String
  ) {
    self.rates = rates
    self.losses = losses
    self.suggestions = suggestions
    self.title = title
  }

  package func render(into grid: inout CellGrid, area: Rect, theme: Theme) {
    let colors: [ThemeRole] = [.bestMark, .changeMark, .stopMark]
    let marks = suggestions.enumerated().map { index, item in
      XYChart.Mark(x: item.rate, label: item.method, color: colors[index % colors.count])
    }
    var legend: [Span] = [Span("── loss", theme.style(.train, bold: true))]
    for mark in marks {
      legend.append(
        Span(" " + String(theme.symbols.markLine) + mark.label, theme.style(mark.color)))
    }
    legend.append(Span(" η log", theme.style(.inactive)))
    Box(title: title, legend: legend).render(into: &grid, area: area, theme: theme)
    let points = zip(rates, losses).map { ChartPoint(x: $0, y: $1) }
    var chart = XYChart(
      layers: [XYChart.Layer(points: points, color: .train, joined: true)], marks: marks, logX: true
    )
    chart.emptyText = "no batches ran"
    let inner = Box.inner(area)
    let chartArea = Rect(
      x: inner.x, y: inner.y, width: inner.width, height: max(0, inner.height - notes.count))
    chart.render(into: &grid, area: chartArea, theme: theme)
    for (index, line) in notes.enumerated() where chartArea.maxY + index < inner.maxY {
      grid.write(
        line, x: inner.x + 1, y: chartArea.maxY + index, maxWidth: max(0, inner.width - 2))
    }
  }
}
