import Foundation

/// A chart of one or more series over epochs, drawn with braille dots: y-axis ticks with compact
/// numbers on the left, epoch ticks on the bottom row, an optional faint min/max band behind the
/// lines, and vertical marks (best epoch, early stop). The legend goes in the panel's border
/// (`legend(theme:)`).
package struct LineChart: Sendable {
  package var series: [ChartSeries]
  package var band: [ChartBand] = []
  package var marks: [ChartMark] = []
  package var logScale = false
  /// The x range to show; nil fits the data.
  package var xRange: ClosedRange<Double>?
  /// What x counts: whole epochs and steps get integer ticks, wall time gets durations (`1m30s`).
  package var xAxis = ChartXAxis.epoch
  /// Shown when there is nothing to draw yet.
  package var emptyText = "waiting for the first epoch"

  package init(
    series: [ChartSeries], band: [ChartBand] = [], marks: [ChartMark] = [], logScale: Bool = false
  ) {
    self.series = series
    self.band = band
    self.marks = marks
    self.logScale = logScale
  }

  /// Legend spans: each series' line sample and name, then the marks.
  package func legend(theme: Theme) -> [Span] {
    var spans: [Span] = []
    for item in series where !item.points.isEmpty || series.count > 1 {
      if !spans.isEmpty { spans.append(Span(" ")) }
      spans.append(Span(item.sample(theme.symbols), theme.style(item.color, bold: true)))
      spans.append(Span(" " + item.name, theme.style(.mainForeground)))
    }
    for mark in marks {
      spans.append(Span(" "))
      spans.append(Span(String(theme.symbols.markLine) + mark.label, theme.style(mark.color)))
    }
    if logScale { spans.append(Span(" log", theme.style(.inactive))) }
    return spans
  }

  /// The y value as drawn (log10 on a log scale); nil when it cannot be drawn.
  private func transformed(_ y: Double) -> Double? {
    logScale ? Smoothing.logValue(y) : (y.isFinite ? y : nil)
  }

  package func render(into grid: inout CellGrid, area: Rect, theme: Theme) {
    guard area.width >= 8, area.height >= 2 else { return }
    // Domain.
    var xs: [Double] = series.flatMap { $0.points.map(\.x) }
    xs += band.flatMap { [$0.x0, $0.x1] }
    guard let dataLow = xs.min(), let dataHigh = xs.max() else {
      ChartFrame.drawEmpty(emptyText, into: &grid, area: area, theme: theme)
      return
    }
    let xLow = xRange?.lowerBound ?? dataLow
    var xHigh = xRange?.upperBound ?? dataHigh
    if xHigh <= xLow { xHigh = xLow + 1 }
    var ys: [Double] = []
    for item in series {
      for p in item.points where p.x >= xLow && p.x <= xHigh {
        if let y = transformed(p.y) { ys.append(y) }
      }
    }
    // The lines set the y range; the band only when there are no lines yet (early per-batch
    // extremes would otherwise flatten the curves for the whole run). It is clipped to the plot.
    let bandSetsRange = ys.isEmpty
    for b in band where bandSetsRange && b.x1 >= xLow && b.x0 <= xHigh {
      if let y = transformed(b.low) { ys.append(y) }
      if let y = transformed(b.high) { ys.append(y) }
    }
    guard let dataYLow = ys.min(), let dataYHigh = ys.max() else {
      ChartFrame.drawEmpty(emptyText, into: &grid, area: area, theme: theme)
      return
    }
    let flatPad = logScale ? 0.1 : (dataYLow == 0 ? 1 : abs(dataYLow) * 0.1)
    let (yLow, yHigh) = ChartFrame.padded(low: dataYLow, high: dataYHigh, flatPad: flatPad)
    // Geometry: y labels | axis | plot; bottom row for x labels.
    let plotRows = area.height >= 3 ? area.height - 1 : area.height
    let yTicks = ticks(low: yLow, high: yHigh, maxCount: max(2, plotRows / 2 + 1))
    let yLabels = labels(for: yTicks)
    guard
      let frame = ChartFrame(
        area: area, plotRows: plotRows, x: (xLow, xHigh), y: (yLow, yHigh), yLabels: yLabels)
    else { return }
    frame.drawYAxis(into: &grid, ticks: yTicks, labels: yLabels, theme: theme)
    // Band (background shading), marks, then lines.
    let plot = frame.plot
    if let bandColor = theme.color(.band) {
      for b in band where b.x1 >= xLow && b.x0 <= xHigh {
        guard let low = transformed(b.low), let high = transformed(b.high) else { continue }
        let c0 = max(0, frame.dotX(b.x0) / 2)
        let c1 = min(plot.width - 1, frame.dotX(b.x1) / 2)
        let r0 = max(0, frame.dotY(high) / 4)
        let r1 = min(plot.height - 1, frame.dotY(low) / 4)
        guard c0 <= c1, r0 <= r1 else { continue }
        for column in c0...c1 {
          for row in r0...r1 {
            grid.restyle(x: plot.x + column, y: plot.y + row) { $0.background = bandColor }
          }
        }
      }
    }
    frame.drawMarks(into: &grid, marks.map { ($0.x, $0.color) }, theme: theme)
    var canvas = frame.makeCanvas()
    for item in series {
      let dots = item.points.map { p -> (x: Int, y: Int)? in
        guard p.x >= xLow, p.x <= xHigh, let y = transformed(p.y) else { return nil }
        return (frame.dotX(p.x), frame.dotY(y))
      }
      canvas.polyline(dots, color: theme.color(item.color), dotted: item.stroke == .dotted)
    }
    canvas.render(
      into: &grid, origin: (plot.x, plot.y), theme: theme, base: theme.style(.mainForeground))
    // Markers at least four columns apart, counted back from the newest point.
    for item in series where item.marked {
      let visible = item.points.filter { $0.x >= xLow && $0.x <= xHigh }
      guard !visible.isEmpty else { continue }
      let spacing = Double(plot.width) / Double(visible.count)
      let stride = max(1, Int((4 / spacing).rounded(.up)))
      for (index, p) in visible.reversed().enumerated() where index % stride == 0 {
        guard let y = transformed(p.y) else { continue }
        let cell = frame.cell(x: p.x, y: y)
        grid.put(
          item.marker ?? theme.symbols.marker, x: cell.x, y: cell.y,
          style: theme.style(item.color, bold: true), clip: plot)
      }
    }
    // X labels on the bottom row.
    guard plotRows < area.height else { return }
    let maxTicks = max(1, plot.width / 6)
    let xTicks =
      xAxis == .time
      ? AxisTicks.durations(low: xLow, high: xHigh, maxCount: maxTicks)
      : AxisTicks.nice(low: xLow, high: xHigh, maxCount: maxTicks, integer: true)
    frame.drawXLabels(
      into: &grid,
      xTicks.map {
        ($0, xAxis == .time ? AxisTicks.durationLabel($0) : AxisTicks.label($0, step: 1))
      }, theme: theme)
  }

  private func ticks(low: Double, high: Double, maxCount: Int) -> [Double] {
    logScale
      ? AxisTicks.logarithmic(low: low, high: high, maxCount: maxCount)
      : AxisTicks.nice(low: low, high: high, maxCount: maxCount)
  }

  /// Labels for y ticks: decimals from the step between ticks (each tick's own on a log axis).
  private func labels(for ticks: [Double]) -> [String] {
    guard logScale else {
      let step = ticks.count >= 2 ? ticks[1] - ticks[0] : abs(ticks.first ?? 1)
      return ticks.map { AxisTicks.label($0, step: step) }
    }
    return ticks.map { tick in
      let value = pow(10, tick)
      return AxisTicks.label(value, step: pow(10, floor(tick + 1e-9)))
    }
  }
}
