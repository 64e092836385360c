import DLTopMonitor

/// The learning rate so far (solid), the schedule's plan ahead of now (dotted), and marks where
/// a key or reduce-on-plateau changed it.
package struct LearningRatePanel: Sendable {
  package init() {}

  package func render(into grid: inout CellGrid, area: Rect, context: PanelContext) {
    let theme = context.theme
    let inner = Box.inner(area)
    let snapshot = context.snapshot
    var history: [ChartPoint] = []
    var planned: [ChartPoint] = []
    var marks: [ChartMark] = []
    let mapping = context.xMapping
    // Per batch where the axis can place the batches, else per epoch.
    let firstRate = snapshot.batchLearningRate.buckets.first?.last ?? .nan
    for bucket in snapshot.batchLearningRate.downsampled(to: max(1, inner.width * 2)) {
      if let span = mapping.span(of: bucket) {
        if history.isEmpty { history.append(ChartPoint(x: span.x0, y: firstRate)) }
        history.append(ChartPoint(x: span.x1, y: bucket.last))
      }
    }
    if !history.isEmpty {
      planned = snapshot.plannedLearningRates.compactMap { rate in
        mapping.x(step: rate.step).map { ChartPoint(x: $0, y: rate.rate) }
      }
      for change in snapshot.learningRateChanges
      where change.cause == .key || change.cause == .plateau || change.cause == .command {
        let label = change.cause == .plateau ? "plateau" : "key"
        guard let x = mapping.x(step: change.step) else { continue }
        marks.append(ChartMark(x: x, label: label, color: .changeMark))
      }
    } else {
      history = context.points(MetricName.learningRate.rawValue)
      for change in snapshot.learningRateChanges
      where change.cause == .key || change.cause == .plateau || change.cause == .command {
        guard let x = mapping.x(epoch: change.epoch) else { continue }
        marks.append(
          ChartMark(
            x: x, label: change.cause == .plateau ? "plateau" : "key", color: .changeMark))
      }
    }
    var seen = Set<String>()
    let legendMarks = marks.filter { seen.insert($0.label).inserted }
    var chart = LineChart(series: [
      ChartSeries(name: "lr", points: history, color: .learningRate, stroke: .solid),
      ChartSeries(name: "plan", points: planned, color: .plannedLearningRate, stroke: .dotted),
    ])
    chart.logScale = context.state.logScale
    chart.marks = marks
    chart.emptyText = "no learning rate yet"
    chart.xAxis = context.state.xAxis
    chart.xRange = context.historyRange(lastX: max(context.lastX, planned.last?.x ?? 0))
    var legendChart = chart
    legendChart.marks = legendMarks
    if planned.isEmpty { legendChart.series.removeLast() }
    let legend = legendChart.legend(theme: theme)
    // "learning rate" when the legend still fits beside it, else "lr".
    let title = area.width - 4 >= 17 + legend.width + 3 ? "learning rate" : "lr"
    var box = Box(key: PanelID.learningRate.zoomKey, title: title, legend: legend)
    if let rate = snapshot.learningRate {
      box.bottomLabels = [(offset: 2, text: " now " + NumberFormat.rate(rate) + " ")]
    }
    box.render(into: &grid, area: area, theme: theme)
    chart.render(into: &grid, area: inner, theme: theme)
  }
}
