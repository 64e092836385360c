import Foundation

/// A chart of (x, y) data where either axis may be logarithmic: lines (the range test's loss
/// against η) or scattered points (a search's validation loss against one hyper-parameter), with
/// labelled vertical marks (the suggested rates). Dots are braille, as in `LineChart`.
package struct XYChart: Sendable {
  /// One set of points drawn as a line or as separate dots.
  package struct Layer: Sendable, Equatable {
    package var points: [ChartPoint]
    package var color: ThemeRole
    package var joined: Bool
    /// Drawn as a character over the dots (e.g. the best trial), or nil for dots only.
    package var marker: Character?

    package init(points: [ChartPoint], color: ThemeRole, joined: Bool, marker: Character? = nil) {
      self.points = points
      self.color = color
      self.joined = joined
      self.marker = marker
    }
  }

  /// A vertical line at `x` with a short label: the line charts' mark (`x` in data units).
  package typealias Mark = ChartMark

  package var layers: [Layer]
  package var marks: [Mark] = []
  package var logX: Bool
  package var logY: Bool
  /// The x range to show (in data units); nil fits the data.
  package var xRange: ClosedRange<Double>?
  /// Names of x = 0, 1, 2…: a categorical axis (a choice parameter) labelled with them.
  package var categories: [String]?
  package var emptyText = "no points yet"

  package init(layers: [Layer], marks: [Mark] = [], logX: Bool = false, logY: Bool = false) {
    self.layers = layers
    self.marks = marks
    self.logX = logX
    self.logY = logY
  }

  private func tx(_ x: Double) -> Double? {
    logX ? (x > 0 && x.isFinite ? log10(x) : nil) : (x.isFinite ? x : nil)
  }
  private func ty(_ y: Double) -> Double? {
    logY ? (y > 0 && y.isFinite ? log10(y) : nil) : (y.isFinite ? y : nil)
  }

  package func render(into grid: inout CellGrid, area: Rect, theme: Theme) {
    guard area.width >= 10, area.height >= 3 else { return }
    var xs = layers.flatMap { $0.points.compactMap { tx($0.x) } }
    let shownRange = xRange.flatMap { range in
      tx(range.lowerBound).flatMap { low in tx(range.upperBound).map { (low, $0) } }
    }
    if let shownRange { xs += [shownRange.0, shownRange.1] }
    let ys = layers.flatMap { $0.points.compactMap { p in tx(p.x) == nil ? nil : ty(p.y) } }
    guard var xLow = xs.min(), var xHigh = xs.max(), let dataYLow = ys.min(),
      let dataYHigh = ys.max()
    else {
      ChartFrame.drawEmpty(emptyText, into: &grid, area: area, theme: theme)
      return
    }
    if let shownRange { (xLow, xHigh) = shownRange }
    if xHigh - xLow < 1e-12 {
      xLow -= 0.5
      xHigh += 0.5
    }
    let (yLow, yHigh) = ChartFrame.padded(
      low: dataYLow, high: dataYHigh, flatPad: max(abs(dataYLow) * 0.1, 0.1))

    let plotRows = area.height - 1
    let yTicks =
      logY
      ? AxisTicks.logarithmic(low: yLow, high: yHigh, maxCount: max(2, plotRows / 2 + 1))
      : AxisTicks.nice(low: yLow, high: yHigh, maxCount: max(2, plotRows / 2 + 1))
    let yStep = yTicks.count >= 2 ? yTicks[1] - yTicks[0] : 1
    let yLabels = yTicks.map { logY ? Self.logLabel($0) : AxisTicks.label($0, step: yStep) }
    guard
      let frame = ChartFrame(
        area: area, plotRows: plotRows, x: (xLow, xHigh), y: (yLow, yHigh), yLabels: yLabels)
    else { return }
    let plot = frame.plot
    frame.drawYAxis(into: &grid, ticks: yTicks, labels: yLabels, theme: theme)
    let markXs = marks.map(\.x).map(tx)
    frame.drawMarks(
      into: &grid,
      zip(markXs, marks).compactMap { x, mark in x.map { ($0, mark.color) } }, theme: theme)
    var canvas = frame.makeCanvas()
    for layer in layers {
      let color = theme.color(layer.color)
      let dots = layer.points.map { p -> (x: Int, y: Int)? in
        guard let x = tx(p.x), let y = ty(p.y), x >= xLow, x <= xHigh else { return nil }
        return (frame.dotX(x), frame.dotY(y))
      }
      if layer.joined {
        canvas.polyline(dots, color: color)
      } else {
        for dot in dots.compactMap({ $0 }) {
          canvas.paint(x: dot.x, y: dot.y, color: color)
          canvas.paint(x: dot.x + 1, y: dot.y, color: color)
        }
      }
    }
    canvas.render(
      into: &grid, origin: (plot.x, plot.y), theme: theme, base: theme.style(.mainForeground))
    for layer in layers {
      guard let marker = layer.marker else { continue }
      for p in layer.points {
        guard let x = tx(p.x), let y = ty(p.y), x >= xLow, x <= xHigh else { continue }
        let cell = frame.cell(x: x, y: y)
        grid.put(
          marker, x: cell.x, y: cell.y, style: theme.style(layer.color, bold: true), clip: plot)
      }
    }
    // Mark labels from the top row down (one row each, so close marks do not collide), right of
    // their line.
    for (row, (x, mark)) in zip(markXs, marks).enumerated() where row < plot.height {
      guard let x, x >= xLow, x <= xHigh else { continue }
      let column = plot.x + frame.dotX(x) / 2
      let start = min(column + 1, plot.maxX - mark.label.count)
      grid.write(
        mark.label, x: max(plot.x, start), y: plot.y + row,
        style: theme.style(mark.color, bold: true), clip: plot)
    }
    // X labels on the bottom row.
    if let categories {
      let room = max(1, plot.width / max(1, categories.count) - 1)
      let labels: [(x: Double, text: String)] = categories.enumerated().map {
        (Double($0.offset), String($0.element.prefix(room)))
      }
      frame.drawXLabels(into: &grid, labels, theme: theme, skippingOverlaps: false)
      return
    }
    let xTicks =
      logX
      ? AxisTicks.logarithmic(low: xLow, high: xHigh, maxCount: max(1, plot.width / 7))
      : AxisTicks.nice(low: xLow, high: xHigh, maxCount: max(1, plot.width / 7))
    let xStep = xTicks.count >= 2 ? xTicks[1] - xTicks[0] : 1
    frame.drawXLabels(
      into: &grid,
      xTicks.map { ($0, logX ? Self.logLabel($0) : AxisTicks.label($0, step: xStep)) },
      theme: theme)
  }

  /// The label of a tick at log10 value `tick`: `1e-3`, `3e-3`, `0.1`, `1`, `10`.
  static func logLabel(_ tick: Double) -> String {
    let value = pow(10, tick)
    let exponent = Int(floor(tick + 1e-9))
    if exponent >= -2 && exponent <= 3 {
      return AxisTicks.label(value, step: pow(10, Double(exponent)))
    }
    let mantissa = (value / pow(10, Double(exponent))).rounded()
    return (mantissa == 1 ? "1" : "\(Int(mantissa))") + "e\(exponent)"
  }
}
