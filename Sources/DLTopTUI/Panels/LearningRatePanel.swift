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
    if let perEpoch = context.batchesPerEpoch, snapshot.batchLearningRate.count > 0 {
      for bucket in snapshot.batchLearningRate.downsampled(to: max(1, inner.width * 2)) {
        history.append(
          ChartPoint(x: Double(bucket.firstIndex + bucket.count) / perEpoch, y: bucket.last))
      }
      if let first = snapshot.batchLearningRate.buckets.first {
        history.insert(ChartPoint(x: Double(first.firstIndex) / perEpoch, y: first.last), at: 0)
      }
      planned = snapshot.plannedLearningRates.map {
        ChartPoint(x: Double($0.step) / perEpoch, y: $0.rate)
      }
      for change in snapshot.learningRateChanges
      where change.cause == .key || change.cause == .plateau || change.cause == .command {
        let label = change.cause == .plateau ? "plateau" : "key"
        marks.append(ChartMark(x: Double(change.step) / perEpoch, label: label, color: .changeMark))
      }
    } else {
      history = context.points(MetricName.learningRate.rawValue)
      for change in snapshot.learningRateChanges
      where change.cause == .key || change.cause == .plateau || change.cause == .command {
        marks.append(
          ChartMark(
            x: Double(change.epoch), label: change.cause == .plateau ? "plateau" : "key",
            color: .changeMark))
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
