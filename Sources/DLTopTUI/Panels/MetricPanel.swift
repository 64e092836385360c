import DLTopMonitor

/// A train/validation chart of one metric (loss, accuracy or the task's main metric), with the
/// per-batch band, the best and early-stop epochs marked, and the latest values in the bottom edge.
package struct MetricPanel: Sendable {
  package var id: PanelID
  /// The train metric (`loss`, `accuracy`, `mae`…); validation is `val_` + this.
  package var metric: String
  /// Per-batch values of the train metric, if the run records them.
  package var batches: BatchSeries?
  /// Whether the log-scale key applies (loss, not accuracy).
  package var allowsLogScale: Bool

  package init(id: PanelID, metric: String, batches: BatchSeries?, allowsLogScale: Bool) {
    self.id = id
    self.metric = metric
    self.batches = batches
    self.allowsLogScale = allowsLogScale
  }

  /// The panel for the task's main metric: accuracy when recorded, else the first other metric.
  package static func mainMetric(in snapshot: TrainingSnapshot) -> String {
    if snapshot.epochs.contains(where: { $0.accuracy != nil || $0.validationAccuracy != nil }) {
      return MetricName.accuracy
    }
    let skip: Set<String> = [MetricName.loss, MetricName.learningRate]
    let names = Set(snapshot.epochs.flatMap(\.metrics.keys)).filter {
      !skip.contains($0) && !$0.hasPrefix("val_")
    }
    return names.sorted().first ?? MetricName.accuracy
  }

  package func render(into grid: inout CellGrid, area: Rect, context: PanelContext) {
    let theme = context.theme
    let inner = Box.inner(area)
    let validation = "val_" + metric
    let train = ChartSeries(
      name: "train", points: context.points(metric), color: .train, stroke: .solid)
    let val = ChartSeries(
      name: "val", points: context.points(validation), color: .validation, stroke: .dotted,
      marked: true)
    var chart = LineChart(series: [train, val])
    chart.logScale = allowsLogScale && context.state.logScale
    if let batches {
      chart.band = context.band(batches, columns: max(1, inner.width - 7))
      // Zoomed: the per-batch mean as a grey line under the epoch lines (smoothed with `m`).
      if context.zoomed, !chart.band.isEmpty {
        let means = context.batchMeans(batches, columns: max(1, (inner.width - 7) * 2))
        chart.series.insert(
          ChartSeries(name: "batch", points: means, color: .axis, stroke: .solid), at: 0)
      }
    }
    if let stopping = context.snapshot.earlyStopping,
      metric == MetricName.loss || stopping.monitor.hasSuffix(metric)
    {
      if let best = stopping.bestEpoch {
        chart.marks.append(ChartMark(x: Double(best), label: "best", color: .bestMark))
      }
      if let stop = stopping.stoppedEpoch {
        chart.marks.append(ChartMark(x: Double(stop), label: "stop", color: .stopMark))
      }
    }
    chart.xRange = context.historyRange(lastX: context.lastX)
    var title = metric
    if context.state.smoothing { title += " ema" }
    var box = Box(key: id.zoomKey, title: title, legend: chart.legend(theme: theme))
    let last = context.snapshot.epochs.last
    var values: [String] = []
    if let value = last?[metric] { values.append("train " + NumberFormat.compact(value)) }
    if let value = last?[validation] { values.append("val " + NumberFormat.compact(value)) }
    if !values.isEmpty {
      box.bottomLabels = [(offset: 2, text: " " + values.joined(separator: "  ") + " ")]
    }
    box.render(into: &grid, area: area, theme: theme)
    chart.render(into: &grid, area: inner, theme: theme)
  }
}
