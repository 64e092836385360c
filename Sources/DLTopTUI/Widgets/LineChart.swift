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
      drawEmpty(into: &grid, area: area, theme: theme)
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
    guard var yLow = ys.min(), var yHigh = ys.max() else {
      drawEmpty(into: &grid, area: area, theme: theme)
      return
    }
    if yHigh - yLow < 1e-12 {
      let pad = logScale ? 0.1 : (yLow == 0 ? 1 : abs(yLow) * 0.1)
      yLow -= pad
      yHigh += pad
    } else {
      let pad = (yHigh - yLow) * 0.05
      yLow -= pad
      yHigh += pad
    }
    // Geometry: y labels | axis | plot; bottom row for x labels.
    let plotRows = area.height >= 3 ? area.height - 1 : area.height
    let yTicks = ticks(low: yLow, high: yHigh, maxCount: max(2, plotRows / 2 + 1))
    let yLabels = labels(for: yTicks)
    let labelWidth = min(7, yLabels.map(\.count).max() ?? 1)
    let plot = Rect(
      x: area.x + labelWidth + 1, y: area.y, width: area.width - labelWidth - 1, height: plotRows)
    guard plot.width >= 2 else { return }
    var canvas = BrailleCanvas(columns: plot.width, rows: plot.height)
    let xScale = Double(canvas.dotWidth - 1) / (xHigh - xLow)
    let yScale = Double(canvas.dotHeight - 1) / (yHigh - yLow)
    func dotX(_ x: Double) -> Int { Int(((x - xLow) * xScale).rounded()) }
    func dotY(_ y: Double) -> Int { Int(((yHigh - y) * yScale).rounded()) }
    let axisStyle = theme.style(.axis)
    // Axis and y labels.
    for row in 0..<plot.height {
      grid.put(theme.symbols.vertical, x: plot.x - 1, y: plot.y + row, style: theme.style(.border))
    }
    var usedRows = Set<Int>()
    for (tick, text) in zip(yTicks, yLabels) {
      let row = dotY(tick) / 4
      guard row >= 0, row < plot.height, usedRows.insert(row).inserted else { continue }
      let padded = String(repeating: " ", count: max(0, labelWidth - text.count)) + text
      grid.write(padded, x: area.x, y: plot.y + row, style: axisStyle, maxWidth: labelWidth)
      grid.put(
        theme.symbols.unicode ? "┤" : "+", x: plot.x - 1, y: plot.y + row,
        style: theme.style(.border))
    }
    // Band (background shading), marks, then lines.
    if let bandColor = theme.color(.band) {
      for b in band where b.x1 >= xLow && b.x0 <= xHigh {
        guard let low = transformed(b.low), let high = transformed(b.high) else { continue }
        let c0 = max(0, dotX(b.x0) / 2)
        let c1 = min(plot.width - 1, dotX(b.x1) / 2)
        let r0 = max(0, dotY(high) / 4)
        let r1 = min(plot.height - 1, dotY(low) / 4)
        guard c0 <= c1, r0 <= r1 else { continue }
        for column in c0...c1 {
          for row in r0...r1 {
            grid.restyle(x: plot.x + column, y: plot.y + row) { $0.background = bandColor }
          }
        }
      }
    }
    for mark in marks where mark.x >= xLow && mark.x <= xHigh {
      let column = dotX(mark.x) / 2
      for row in 0..<plot.height {
        grid.put(
          theme.symbols.markLine, x: plot.x + column, y: plot.y + row,
          style: theme.style(mark.color), clip: plot)
      }
    }
    for item in series {
      var phase = 0
      var previous: (x: Int, y: Int)?
      let color = theme.color(item.color)
      for p in item.points {
        guard p.x >= xLow, p.x <= xHigh, let y = transformed(p.y) else {
          previous = nil
          continue
        }
        let dot = (x: dotX(p.x), y: dotY(y))
        if let previous {
          canvas.line(
            from: previous, to: dot, color: color, dotted: item.stroke == .dotted, phase: &phase)
        } else {
          canvas.paint(x: dot.x, y: dot.y, color: color)
        }
        previous = dot
      }
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
        grid.put(
          item.marker ?? theme.symbols.marker, x: plot.x + dotX(p.x) / 2, y: plot.y + dotY(y) / 4,
          style: theme.style(item.color, bold: true), clip: plot)
      }
    }
    // X labels on the bottom row.
    guard plotRows < area.height else { return }
    let labelRow = area.y + plotRows
    let maxTicks = max(1, plot.width / 6)
    let xTicks =
      xAxis == .time
      ? AxisTicks.durations(low: xLow, high: xHigh, maxCount: maxTicks)
      : AxisTicks.nice(low: xLow, high: xHigh, maxCount: maxTicks, integer: true)
    var nextFree = area.x
    for tick in xTicks {
      let text = xAxis == .time ? AxisTicks.durationLabel(tick) : AxisTicks.label(tick, step: 1)
      let center = plot.x + dotX(tick) / 2
      let start = min(max(center - text.count / 2, plot.x), area.maxX - text.count)
      guard start >= nextFree else { continue }
      grid.write(text, x: start, y: labelRow, style: axisStyle, clip: area)
      nextFree = start + text.count + 1
    }
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

  private func drawEmpty(into grid: inout CellGrid, area: Rect, theme: Theme) {
    let text = String(emptyText.prefix(area.width))
    grid.write(
      text, x: area.x + (area.width - text.count) / 2, y: area.y + area.height / 2,
      style: theme.style(.inactive), clip: area)
  }
}
