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
      return MetricName.accuracy.rawValue
    }
    let skip: Set<String> = [MetricName.loss.rawValue, MetricName.learningRate.rawValue]
    let names = Set(snapshot.epochs.flatMap(\.metrics.keys)).filter {
      !skip.contains($0) && !$0.hasPrefix("val_")
    }
    return names.sorted().first ?? MetricName.accuracy.rawValue
  }

  /// What `v` cycles panel 2 through: the main metric, then each other series the run records
  /// (a `val_x` is left out when `x` is listed too: choosing `x` draws both). A watched log
  /// lists its unmapped scalars; dltop's own run lists every non-canonical metric of its epochs:
  /// grad_norm and per-layer grad_norm/…, update_ratio, dead_relu, weight_norm, samples_per_s.
  package static func metricChoices(in snapshot: TrainingSnapshot) -> [String] {
    let main = mainMetric(in: snapshot)
    let scalars = recordedScalars(in: snapshot)
    var choices = [main]
    for name in scalars where name != main && !choices.contains(name) {
      if name.hasPrefix("val_"), scalars.contains(String(name.dropFirst(4))) { continue }
      if name == "val_" + main { continue }
      choices.append(name)
    }
    return choices
  }

  /// The other series of the run: the watcher's unmapped scalars, or for a run dltop trains,
  /// every non-canonical metric name its epochs carry, sorted.
  static func recordedScalars(in snapshot: TrainingSnapshot) -> [String] {
    guard snapshot.run.controllable else { return snapshot.unmappedScalars }
    var names = Set(snapshot.unmappedScalars)
    for record in snapshot.epochs {
      for name in record.metrics.keys where !TensorBoardTagMapping.isCanonical(name) {
        names.insert(name)
      }
    }
    return names.sorted()
  }

  /// The metric panel 2 shows: the one chosen with `v` while the run still offers it, else the
  /// main metric.
  package static func shownMetric(in snapshot: TrainingSnapshot, chosen: String?) -> String {
    if let chosen, metricChoices(in: snapshot).contains(chosen) { return chosen }
    return mainMetric(in: snapshot)
  }

  package func render(into grid: inout CellGrid, area: Rect, context: PanelContext) {
    let theme = context.theme
    var inner = Box.inner(area)
    // A metric that is itself a validation scalar (`val_f1` alone) is drawn as the val line.
    let validationOnly = metric.hasPrefix("val_")
    let validation = validationOnly ? metric : "val_" + metric
    var chart = LineChart(series: [])
    if !validationOnly {
      chart.series.append(
        ChartSeries(name: "train", points: context.points(metric), color: .train, stroke: .solid))
    }
    chart.series.append(
      ChartSeries(
        name: "val", points: context.points(validation), color: .validation, stroke: .dotted,
        marked: true))
    // A scalar logged without its train or val partner (`epoch_time`): no legend for the
    // missing line.
    if chart.series.contains(where: { !$0.points.isEmpty }) {
      chart.series.removeAll { $0.points.isEmpty }
    }
    chart.logScale = allowsLogScale && context.state.logScale
    if let batches {
      chart.band = context.band(batches, columns: max(1, inner.width - 7))
      // The per-batch mean as a grey line under the epoch lines (smoothed with `m`): when zoomed,
      // on the step and time axes, and while the run has too few epochs for a curve.
      if context.showsStepLine, !chart.band.isEmpty {
        let means = context.batchMeans(batches, columns: max(1, (inner.width - 7) * 2))
        chart.series.insert(
          ChartSeries(name: "batch", points: means, color: .axis, stroke: .solid), at: 0)
      }
    }
    let mapping = context.xMapping
    if let stopping = context.snapshot.earlyStopping,
      metric == MetricName.loss.rawValue || stopping.monitor.hasSuffix(metric)
    {
      if let best = stopping.bestEpoch.flatMap(mapping.x(epoch:)) {
        chart.marks.append(ChartMark(x: best, label: "best", color: .bestMark))
      }
      if let stop = stopping.stoppedEpoch.flatMap(mapping.x(epoch:)) {
        chart.marks.append(ChartMark(x: stop, label: "stop", color: .stopMark))
      }
    }
    chart.xAxis = context.state.xAxis
    chart.xRange = context.historyRange(lastX: context.lastX)
    // The main run's legend goes in the border; the comparison runs get a row of their own.
    let legend = chart.legend(theme: theme)
    let runs = RunList(snapshot: context.snapshot, overlay: context.state.runOverlay)
    let overlaid = runs.overlaid
    chart.series.insert(contentsOf: comparisonSeries(overlaid, validation, context), at: 0)
    var title = metric
    if context.state.smoothing {
      title += context.state.smoothingWeight.map { " ema " + String(format: "%g", $0) } ?? " ema"
    }
    var box = Box(key: id.zoomKey, title: title, legend: legend)
    let last = context.snapshot.epochs.last
    var values: [String] = []
    if !validationOnly, let value = last?[metric] {
      values.append("train " + NumberFormat.compact(value))
    }
    if let value = last?[validation] { values.append("val " + NumberFormat.compact(value)) }
    if !values.isEmpty {
      box.bottomLabels = [(offset: 2, text: " " + values.joined(separator: "  ") + " ")]
    }
    box.bottomLabels += Self.axisLabel(context.state.xAxis, area: area, after: box.bottomLabels)
    box.render(into: &grid, area: area, theme: theme)
    if !overlaid.isEmpty && inner.height >= 5 {
      let row = Rect(x: inner.x, y: inner.y, width: inner.width, height: 1)
      drawRunLegend(runs, into: &grid, row: row, theme: theme)
      inner = Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 1)
    }
    chart.render(into: &grid, area: inner, theme: theme)
  }

  /// The x axis's name at the right of the bottom edge (` step `, ` wall time `) when it is not
  /// the epoch and fits after the values; the epoch axis is the default and goes unnamed.
  static func axisLabel(
    _ axis: ChartXAxis, area: Rect, after labels: [(offset: Int, text: String)]
  ) -> [(offset: Int, text: String)] {
    guard axis != .epoch else { return [] }
    let text = " x: " + axis.title + " "
    let offset = area.width - 2 - text.count
    let used = labels.map { $0.offset + $0.text.count }.max() ?? 1
    guard offset > used else { return [] }
    return [(offset: offset, text: text)]
  }

  /// Each overlaid run's train (solid) and validation (dotted) line in its own colour, marked
  /// with its own shape.
  private func comparisonSeries(
    _ runs: [RunList.Entry], _ validation: String, _ context: PanelContext
  ) -> [ChartSeries] {
    var series: [ChartSeries] = []
    for run in runs {
      let marker = run.marker(context.theme.symbols)
      if validation != metric {
        series.append(
          ChartSeries(
            name: run.name,
            points: context.points(metric, in: run.epochs, epochEnds: run.epochEnds),
            color: run.color,
            stroke: .solid, marked: true, marker: marker))
      }
      series.append(
        ChartSeries(
          name: run.name,
          points: context.points(validation, in: run.epochs, epochEnds: run.epochEnds),
          color: run.color,
          stroke: .dotted, marked: true, marker: marker))
    }
    return series
  }

  /// `◆ version_1  ▲ version_2`: each overlaid run's marker and name, without the folder all
  /// runs share and shortened to fit.
  private func drawRunLegend(
    _ list: RunList, into grid: inout CellGrid, row: Rect, theme: Theme
  ) {
    var runs = list.overlaid
    var names = runs.map { list.shortName($0.name) }
    // Each name keeps at least `readable` characters; the runs that do not fit are counted.
    let readable = 7
    let more = { (hidden: Int) in hidden > 0 ? "+\(hidden) more" : "" }
    while runs.count > 1,
      names.reduce(0, { $0 + min($1.count, readable) + 4 })
        + more(list.overlaid.count - runs.count).count
        > row.width - 1
    {
      runs.removeLast()
      names.removeLast()
    }
    let hidden = list.overlaid.count - runs.count
    let widths = RunList.fittedWidths(names, width: row.width - 1 - more(hidden).count, extra: 4)
    var x = row.x + 1
    defer {
      if hidden > 0 {
        grid.write(more(hidden), x: x, y: row.y, style: theme.style(.inactive), clip: row)
      }
    }
    for (run, (name, width)) in zip(runs, zip(names, widths)) {
      let shown = RunList.abbreviate(name, to: width, ellipsis: theme.symbols.ellipsis)
      guard x + shown.count + 2 <= row.maxX else { break }
      x += grid.write(
        String(run.marker(theme.symbols)), x: x, y: row.y, style: theme.style(run.color, bold: true)
      )
      x += grid.write(" " + shown, x: x, y: row.y, style: theme.style(run.color))
      x += 2
    }
  }
}
