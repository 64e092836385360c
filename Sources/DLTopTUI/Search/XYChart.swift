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

  /// A vertical line at `x` with a short label.
  package struct Mark: Sendable, Equatable {
    package var x: Double
    package var label: String
    package var color: ThemeRole
    package init(x: Double, label: String, color: ThemeRole) {
      self.x = x
      self.label = label
      self.color = color
    }
  }

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
    if let xRange, let low = tx(xRange.lowerBound), let high = tx(xRange.upperBound) {
      xs += [low, high]
    }
    let ys = layers.flatMap { $0.points.compactMap { p in tx(p.x) == nil ? nil : ty(p.y) } }
    guard var xLow = xs.min(), var xHigh = xs.max(), var yLow = ys.min(), var yHigh = ys.max()
    else {
      let text = String(emptyText.prefix(area.width))
      grid.write(
        text, x: area.x + (area.width - text.count) / 2, y: area.y + area.height / 2,
        style: theme.style(.inactive), clip: area)
      return
    }
    if let xRange, let low = tx(xRange.lowerBound), let high = tx(xRange.upperBound) {
      xLow = low
      xHigh = high
    }
    if xHigh - xLow < 1e-12 {
      xLow -= 0.5
      xHigh += 0.5
    }
    let yPad = yHigh - yLow < 1e-12 ? max(abs(yLow) * 0.1, 0.1) : (yHigh - yLow) * 0.05
    yLow -= yPad
    yHigh += yPad

    let plotRows = area.height - 1
    let yTicks =
      logY
      ? AxisTicks.logarithmic(low: yLow, high: yHigh, maxCount: max(2, plotRows / 2 + 1))
      : AxisTicks.nice(low: yLow, high: yHigh, maxCount: max(2, plotRows / 2 + 1))
    let yStep = yTicks.count >= 2 ? yTicks[1] - yTicks[0] : 1
    let yLabels = yTicks.map { logY ? Self.logLabel($0) : AxisTicks.label($0, step: yStep) }
    let labelWidth = min(7, yLabels.map(\.count).max() ?? 1)
    let plot = Rect(
      x: area.x + labelWidth + 1, y: area.y, width: area.width - labelWidth - 1, height: plotRows)
    guard plot.width >= 2 else { return }
    var canvas = BrailleCanvas(columns: plot.width, rows: plot.height)
    let xScale = Double(canvas.dotWidth - 1) / (xHigh - xLow)
    let yScale = Double(canvas.dotHeight - 1) / (yHigh - yLow)
    func dotX(_ x: Double) -> Int { Int(((x - xLow) * xScale).rounded()) }
    func dotY(_ y: Double) -> Int { Int(((yHigh - y) * yScale).rounded()) }

    let border = theme.style(.border)
    for row in 0..<plot.height {
      grid.put(theme.symbols.vertical, x: plot.x - 1, y: plot.y + row, style: border)
    }
    var usedRows = Set<Int>()
    for (tick, text) in zip(yTicks, yLabels) {
      let row = dotY(tick) / 4
      guard row >= 0, row < plot.height, usedRows.insert(row).inserted else { continue }
      let padded = String(repeating: " ", count: max(0, labelWidth - text.count)) + text
      grid.write(
        padded, x: area.x, y: plot.y + row, style: theme.style(.axis), maxWidth: labelWidth)
      grid.put(theme.symbols.unicode ? "┤" : "+", x: plot.x - 1, y: plot.y + row, style: border)
    }
    for mark in marks {
      guard let x = tx(mark.x), x >= xLow, x <= xHigh else { continue }
      let column = dotX(x) / 2
      for row in 0..<plot.height {
        grid.put(
          theme.symbols.markLine, x: plot.x + column, y: plot.y + row,
          style: theme.style(mark.color), clip: plot)
      }
    }
    for layer in layers {
      let color = theme.color(layer.color)
      var previous: (x: Int, y: Int)?
      var phase = 0
      for p in layer.points {
        guard let x = tx(p.x), let y = ty(p.y), x >= xLow, x <= xHigh else {
          previous = nil
          continue
        }
        let dot = (x: dotX(x), y: dotY(y))
        if layer.joined, let previous {
          canvas.line(from: previous, to: dot, color: color, phase: &phase)
        } else {
          canvas.paint(x: dot.x, y: dot.y, color: color)
          if !layer.joined { canvas.paint(x: dot.x + 1, y: dot.y, color: color) }
        }
        previous = dot
      }
    }
    canvas.render(
      into: &grid, origin: (plot.x, plot.y), theme: theme, base: theme.style(.mainForeground))
    for layer in layers {
      guard let marker = layer.marker else { continue }
      for p in layer.points {
        guard let x = tx(p.x), let y = ty(p.y), x >= xLow, x <= xHigh else { continue }
        grid.put(
          marker, x: plot.x + dotX(x) / 2, y: plot.y + dotY(y) / 4,
          style: theme.style(layer.color, bold: true), clip: plot)
      }
    }
    // Mark labels from the top row down (one row each, so close marks do not collide), right of
    // their line.
    for (row, mark) in marks.enumerated() where row < plot.height {
      guard let x = tx(mark.x), x >= xLow, x <= xHigh else { continue }
      let column = plot.x + dotX(x) / 2
      let start = min(column + 1, plot.maxX - mark.label.count)
      grid.write(
        mark.label, x: max(plot.x, start), y: plot.y + row,
        style: theme.style(mark.color, bold: true), clip: plot)
    }
    // X labels on the bottom row.
    let labelRow = area.y + plotRows
    if let categories {
      let room = max(1, plot.width / max(1, categories.count) - 1)
      for (index, name) in categories.enumerated() {
        let text = String(name.prefix(room))
        let center = plot.x + dotX(Double(index)) / 2
        let start = min(max(center - text.count / 2, plot.x), area.maxX - text.count)
        grid.write(text, x: start, y: labelRow, style: theme.style(.axis), clip: area)
      }
      return
    }
    let xTicks =
      logX
      ? AxisTicks.logarithmic(low: xLow, high: xHigh, maxCount: max(1, plot.width / 7))
      : AxisTicks.nice(low: xLow, high: xHigh, maxCount: max(1, plot.width / 7))
    let xStep = xTicks.count >= 2 ? xTicks[1] - xTicks[0] : 1
    var nextFree = area.x
    for tick in xTicks {
      let text = logX ? Self.logLabel(tick) : AxisTicks.label(tick, step: xStep)
      let center = plot.x + dotX(tick) / 2
      let start = min(max(center - text.count / 2, plot.x), area.maxX - text.count)
      guard start >= nextFree else { continue }
      grid.write(text, x: start, y: labelRow, style: theme.style(.axis), clip: area)
      nextFree = start + text.count + 1
    }
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
