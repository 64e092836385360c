import Testing

@testable import DLTopTUI

struct HeatmapTests {
  let counts = [[8, 2, 0], [1, 9, 0], [0, 5, 5]]
  let names = ["cat", "dog", "bird"]

  @Test func cellColourFollowsTheRowNormalizedRate() {
    let theme = Theme.standard
    var grid = CellGrid(width: 40, height: 6, fill: Cell("x"))
    Heatmap(counts: counts, classNames: names).render(into: &grid, area: grid.bounds, theme: theme)
    // Row "bird": 5 of 10 in column 1 → rate 0.5; the header row is 0, so bird is row 3.
    let heatmap = Heatmap(counts: counts, classNames: names)
    #expect(heatmap.rate(row: 2, column: 1) == 0.5)
    let birdRow = grid.lines[3]
    let column = birdRow.distance(from: birdRow.startIndex, to: birdRow.firstIndex(of: "5")!)
    #expect(grid[column, 3].style.background == theme.gradient(.heat, at: 0.5))
    let catRow = grid.lines[1]
    let eight = catRow.distance(from: catRow.startIndex, to: catRow.firstIndex(of: "8")!)
    #expect(grid[eight, 1].style.background == theme.gradient(.heat, at: 0.8))
    #expect(grid[eight, 1].style.bold)
  }

  @Test func wideCellsShowCountsWithRecallAndPrecisionMargins() {
    var grid = CellGrid(width: 40, height: 6, fill: Cell("x"))
    Heatmap(counts: counts, classNames: names).render(
      into: &grid, area: Rect(x: 0, y: 0, width: 40, height: 5), theme: .standard)
    #expect(grid.lines[0].contains("rec"))
    #expect(grid.lines[1].hasPrefix("cat"))
    #expect(grid.lines[1].contains("80%"))
    #expect(grid.lines[3].contains("50%"))
    #expect(grid.lines[4].hasPrefix("prec"))
    #expect(grid.lines[4].contains("56"))  // precision of dog: 9 / 16
    #expect(grid.lines[5] == String(repeating: "x", count: 40))
  }

  @Test func ratesModeShowsPercentOfRow() {
    var grid = CellGrid(width: 40, height: 5)
    Heatmap(counts: counts, classNames: names, values: .rates).render(
      into: &grid, area: grid.bounds, theme: .standard)
    #expect(grid.lines[1].contains("80") && grid.lines[1].contains("20"))
    #expect(grid.lines[4].contains("%"))
  }

  @Test func countsFallBackToRatesWhenCellsAreNarrow() {
    let heatmap = Heatmap(counts: [[1200, 0], [3, 997]], classNames: ["a", "b"])
    #expect(heatmap.shownValues(textWidth: 4) == .counts)
    #expect(heatmap.shownValues(textWidth: 3) == .rates)
  }

  @Test func rateTextFitsItsWidth() {
    #expect(Heatmap.rateText(1, width: 3) == "100")
    #expect(Heatmap.rateText(0.834, width: 2) == "83")
    #expect(Heatmap.rateText(1, width: 2) == "**")
    #expect(Heatmap.rateText(0.834, width: 1) == "8")
    #expect(Heatmap.rateText(0.04, width: 1) == "·")
  }

  @Test func monochromeUsesReverseVideoForHighRates() {
    let heatmap = Heatmap(counts: counts, classNames: names)
    #expect(heatmap.cellStyle(rate: 0.8, diagonal: true, theme: .noColors).reverse)
    #expect(!heatmap.cellStyle(rate: 0.2, diagonal: false, theme: .noColors).reverse)
  }

  @Test func summaryGivesAccuracyAndMacroAverages() {
    let text = Heatmap(counts: counts, classNames: names).summary()
    #expect(text.hasPrefix("accuracy 73.3%"))
  }
}
