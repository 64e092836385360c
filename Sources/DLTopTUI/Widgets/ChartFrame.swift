/// The frame both braille charts draw in — `LineChart` (series over epochs) and `XYChart` (any
/// x, either axis logarithmic): y labels | axis line | plot, the mapping of data to braille dots,
/// vertical marks, x labels on the bottom row and the empty-chart text. The charts decide what
/// is plotted and how values are transformed (log10 or not) and pass transformed values here.
struct ChartFrame {
  /// The whole chart, labels included.
  let area: Rect
  /// The dots' cells, right of the y labels and above the x labels.
  let plot: Rect
  let xLow: Double
  let xHigh: Double
  let yLow: Double
  let yHigh: Double
  private let xScale: Double
  private let yScale: Double

  /// - Parameters:
  ///   - plotRows: the rows for dots (the row below them, if any, is for x labels).
  ///   - yLabels: the y tick labels; the widest (at most 7 columns) sets the label column.
  /// - Returns: nil when fewer than two columns remain for the plot.
  init?(
    area: Rect, plotRows: Int, x: (low: Double, high: Double), y: (low: Double, high: Double),
    yLabels: [String]
  ) {
    let labelWidth = min(7, yLabels.map(\.count).max() ?? 1)
    plot = Rect(
      x: area.x + labelWidth + 1, y: area.y, width: area.width - labelWidth - 1, height: plotRows)
    guard plot.width >= 2 else { return nil }
    self.area = area
    (xLow, xHigh) = x
    (yLow, yHigh) = y
    xScale = Double(plot.width * 2 - 1) / (xHigh - xLow)
    yScale = Double(plot.height * 4 - 1) / (yHigh - yLow)
  }

  /// `low…high` widened by 5% on each side, or by `flatPad` when the range is flat.
  static func padded(low: Double, high: Double, flatPad: Double) -> (low: Double, high: Double) {
    let pad = high - low < 1e-12 ? flatPad : (high - low) * 0.05
    return (low - pad, high + pad)
  }

  /// The dot column of `x` and the dot row of `y` (0 at the top).
  func dotX(_ x: Double) -> Int { Int(((x - xLow) * xScale).rounded()) }
  func dotY(_ y: Double) -> Int { Int(((yHigh - y) * yScale).rounded()) }
  /// The grid cell of a point.
  func cell(x: Double, y: Double) -> (x: Int, y: Int) {
    (plot.x + dotX(x) / 2, plot.y + dotY(y) / 4)
  }

  /// An empty braille canvas the size of the plot.
  func makeCanvas() -> BrailleCanvas { BrailleCanvas(columns: plot.width, rows: plot.height) }

  /// The axis line left of the plot with a `┤` and a right-aligned label at each tick (one per
  /// row: a tick that falls on a row already labelled is skipped).
  func drawYAxis(into grid: inout CellGrid, ticks: [Double], labels: [String], theme: Theme) {
    let border = theme.style(.border)
    let labelWidth = plot.x - 1 - area.x
    for row in 0..<plot.height {
      grid.put(theme.symbols.vertical, x: plot.x - 1, y: plot.y + row, style: border)
    }
    var usedRows = Set<Int>()
    for (tick, text) in zip(ticks, labels) {
      let row = dotY(tick) / 4
      guard row >= 0, row < plot.height, usedRows.insert(row).inserted else { continue }
      let padded = String(repeating: " ", count: max(0, labelWidth - text.count)) + text
      grid.write(
        padded, x: area.x, y: plot.y + row, style: theme.style(.axis), maxWidth: labelWidth)
      grid.put(theme.symbols.unicode ? "┤" : "+", x: plot.x - 1, y: plot.y + row, style: border)
    }
  }

  /// A vertical line through the plot at each mark inside the x range.
  func drawMarks(into grid: inout CellGrid, _ marks: [(x: Double, color: ThemeRole)], theme: Theme)
  {
    for mark in marks where mark.x >= xLow && mark.x <= xHigh {
      let column = dotX(mark.x) / 2
      for row in 0..<plot.height {
        grid.put(
          theme.symbols.markLine, x: plot.x + column, y: plot.y + row,
          style: theme.style(mark.color), clip: plot)
      }
    }
  }

  /// Labels centred under their x on the row below the plot, kept inside the chart; with
  /// `skippingOverlaps`, a label that would touch the one before it is left out.
  func drawXLabels(
    into grid: inout CellGrid, _ labels: [(x: Double, text: String)], theme: Theme,
    skippingOverlaps: Bool = true
  ) {
    let row = plot.maxY
    var nextFree = area.x
    for (x, text) in labels {
      let center = plot.x + dotX(x) / 2
      let start = min(max(center - text.count / 2, plot.x), area.maxX - text.count)
      guard !skippingOverlaps || start >= nextFree else { continue }
      grid.write(text, x: start, y: row, style: theme.style(.axis), clip: area)
      nextFree = start + text.count + 1
    }
  }

  /// `text` centred in `area`, for a chart with nothing to draw yet.
  static func drawEmpty(_ text: String, into grid: inout CellGrid, area: Rect, theme: Theme) {
    let shown = String(text.prefix(area.width))
    grid.write(
      shown, x: area.x + (area.width - shown.count) / 2, y: area.y + area.height / 2,
      style: theme.style(.inactive), clip: area)
  }
}
