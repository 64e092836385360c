import DLTopMonitor
import Testing

@testable import DLTopTUI

/// Widgets drawn into grids pre-filled with "x", so every cell a widget touches shows (ratatui).
struct WidgetTests {
  let theme = Theme.standard

  @Test func boxDrawsRoundedBorderWithKeyAndTitle() {
    var grid = CellGrid(width: 14, height: 3, fill: Cell("x"))
    Box(key: "1", title: "loss").render(
      into: &grid, area: Rect(x: 0, y: 0, width: 12, height: 3), theme: theme)
    #expect(grid.lines == ["╭─┤1 loss├─╮xx", "│xxxxxxxxxx│xx", "╰──────────╯xx"])
  }

  @Test func boxInAsciiUsesPlusMinusAndBars() {
    var grid = CellGrid(width: 8, height: 3, fill: Cell("x"))
    Box(title: "lr").render(into: &grid, area: grid.bounds, theme: theme.withSymbols(.asciiSet))
    #expect(grid.lines == ["+-[lr]-+", "|xxxxxx|", "+------+"])
  }

  @Test func progressBarFillsItsFraction() {
    var grid = CellGrid(width: 12, height: 1, fill: Cell("x"))
    ProgressBar(fraction: 0.5).render(
      into: &grid, area: Rect(x: 1, y: 0, width: 10, height: 1), theme: theme)
    #expect(grid.lines == ["x█████░░░░░x"])
  }

  @Test func brailleCanvasSetsDotsByPosition() {
    var canvas = BrailleCanvas(columns: 2, rows: 1)
    canvas.paint(x: 0, y: 0, color: nil)
    canvas.paint(x: 3, y: 3, color: nil)
    var grid = CellGrid(width: 3, height: 1, fill: Cell("x"))
    canvas.render(into: &grid, origin: (0, 0), theme: theme, base: .plain)
    #expect(grid.lines == ["⠁⢀x"])
  }

  @Test func brailleCanvasFallsBackToAsciiByHalfCell() {
    var canvas = BrailleCanvas(columns: 3, rows: 1)
    canvas.paint(x: 0, y: 0, color: nil)
    canvas.paint(x: 2, y: 3, color: nil)
    canvas.paint(x: 4, y: 1, color: nil)
    canvas.paint(x: 4, y: 2, color: nil)
    var grid = CellGrid(width: 3, height: 1, fill: Cell("x"))
    canvas.render(into: &grid, origin: (0, 0), theme: theme.withSymbols(.asciiSet), base: .plain)
    #expect(grid.lines == ["'.:"])
  }

  @Test func dottedLineSetsFewerDotsThanSolid() {
    var solid = BrailleCanvas(columns: 10, rows: 1)
    var dotted = BrailleCanvas(columns: 10, rows: 1)
    var phase = 0
    solid.line(from: (0, 0), to: (19, 0), color: nil, phase: &phase)
    phase = 0
    dotted.line(from: (0, 0), to: (19, 0), color: nil, dotted: true, phase: &phase)
    let solidCells = (0..<10).filter { solid.isSet(column: $0, row: 0) }.count
    let dottedCells = (0..<10).filter { dotted.isSet(column: $0, row: 0) }.count
    #expect(solidCells == 10)
    #expect(dottedCells < solidCells && dottedCells > 0)
  }

  @Test func lineChartStaysInsideItsAreaAndLabelsAxes() {
    var grid = CellGrid(width: 30, height: 8, fill: Cell("x"))
    let area = Rect(x: 1, y: 1, width: 28, height: 6)
    grid.fill(area, with: Cell(" "))
    let series = ChartSeries(
      name: "train", points: (1...10).map { ChartPoint(x: Double($0), y: 1 / Double($0)) },
      color: .train)
    LineChart(series: [series]).render(into: &grid, area: area, theme: theme)
    #expect(grid.lines[0] == String(repeating: "x", count: 30))
    #expect(grid.lines[7] == String(repeating: "x", count: 30))
    #expect(grid.lines.allSatisfy { $0.first == "x" && $0.last == "x" })
    let plotted = grid.lines.joined().unicodeScalars.filter { (0x2801...0x28FF).contains($0.value) }
      .count
    #expect(plotted >= 10)
    #expect(grid.lines[6].contains("5") && grid.lines[6].contains("10"))
    #expect(grid.lines.contains { $0.contains("┤") })
  }

  @Test func lineChartWithoutDataSaysSo() {
    var grid = CellGrid(width: 40, height: 3)
    LineChart(series: [ChartSeries(name: "train", points: [], color: .train)]).render(
      into: &grid, area: grid.bounds, theme: theme)
    #expect(grid.lines[1].contains("waiting for the first epoch"))
  }

  @Test func legendShowsDifferentShapesForTrainAndValidation() {
    let chart = LineChart(series: [
      ChartSeries(name: "train", points: [ChartPoint(x: 1, y: 1)], color: .train, stroke: .solid),
      ChartSeries(
        name: "val", points: [ChartPoint(x: 1, y: 1)], color: .validation, stroke: .dotted,
        marked: true),
    ])
    let text = chart.legend(theme: theme).map(\.text).joined()
    #expect(text == "── train ┄• val")
  }

  @Test func eventLogPutsTheNewestEventOnTheBottomRow() {
    let events = (1...5).map {
      RunEvent(elapsedSeconds: Double($0 * 60), epoch: $0, kind: .info, text: "event \($0)")
    }
    var grid = CellGrid(width: 24, height: 3, fill: Cell("x"))
    EventLog(events: events).render(into: &grid, area: grid.bounds, theme: theme)
    #expect(grid.lines[2].hasPrefix("   5:00 e5 event 5"))
    #expect(grid.lines[0].contains("event 3"))
  }

  @Test func textWrapBreaksAtSpacesAndCutsLongWords() {
    #expect(
      TextWrap.wrap("raise dropout toward 0.5", width: 10) == ["raise", "dropout", "toward 0.5"])
    #expect(TextWrap.wrap("abcdefghijk", width: 4) == ["abcd", "efgh", "ijk"])
  }

  @Test func tooSmallMessageNamesTheNeededSize() {
    var grid = CellGrid(width: 40, height: 5)
    CenteredMessage.tooSmall(need: (50, 14), have: (40, 5)).render(
      into: &grid, area: grid.bounds, theme: theme)
    #expect(grid.screenText.contains("terminal too small (need 50×14)"))
  }

  @Test func asciiFallbackMapsEveryDashboardCharacter() {
    for character in ["·", "…", "×", "→", "●", "─", "╭", "┊", "█", "⣿"] as [Character] {
      #expect(ASCIIFallback.map(character).isASCII)
    }
    #expect(ASCIIFallback.map("⠁") == "'")
    #expect(ASCIIFallback.map("⣀") == ".")
  }
}

struct ComparisonSeriesTests {
  @Test func aSeriesWithItsOwnMarkerDrawsAndShowsThatShape() {
    let points = (0..<5).map { ChartPoint(x: Double($0), y: Double($0)) }
    let series = ChartSeries(
      name: "b", points: points, color: .comparison1, stroke: .dotted, marked: true, marker: "◆")
    #expect(series.sample(.unicodeSet) == "┄◆")
    var grid = CellGrid(width: 40, height: 8)
    LineChart(series: [series]).render(into: &grid, area: grid.bounds, theme: .standard)
    #expect(grid.screenText.contains("◆"))
    #expect(!grid.screenText.contains("•"))
  }

  @Test func comparisonColoursDifferFromTrainAndValidation() {
    let theme = Theme.standard
    let main = [theme.color(.train), theme.color(.validation)]
    for role in ThemeRole.comparisonPalette { #expect(!main.contains(theme.color(role))) }
    #expect(Set(ThemeRole.comparisonPalette.compactMap { theme.color($0) }).count == 4)
    #expect(Set(Symbols.unicodeSet.comparisonMarkers).count == 4)
    #expect(Symbols.asciiSet.comparisonMarkers.allSatisfy { $0.isASCII })
  }
}
