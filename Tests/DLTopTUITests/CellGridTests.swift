import Testing

@testable import DLTopTUI

struct CellGridTests {
  @Test func writeIsClippedToTheGridAndTheClipRectangle() {
    var grid = CellGrid(width: 6, height: 2, fill: Cell("x"))
    grid.write("abcdef", x: 3, y: 0)
    grid.write("hello", x: 0, y: 1, clip: Rect(x: 1, y: 1, width: 3, height: 1))
    #expect(grid.lines == ["xxxabc", "xellxx"])
  }

  @Test func writeWithMaxWidthEndsInAnEllipsisWhenCut() {
    var grid = CellGrid(width: 8, height: 1, fill: Cell("x"))
    let written = grid.write("training", x: 0, y: 0, maxWidth: 5)
    #expect(written == 5)
    #expect(grid.lines == ["trai…xxx"])
  }

  @Test func textHelpersReadBackWhatWasWritten() {
    var grid = CellGrid(width: 8, height: 2, fill: Cell("x"))
    grid.write("epoch", x: 2, y: 1)
    #expect(grid.text(at: 2, y: 1, length: 5) == "epoch")
    #expect(grid.text(in: Rect(x: 1, y: 0, width: 3, height: 2)) == ["xxx", "xep"])
  }

  @Test func screenTextTrimsTrailingSpaces() {
    var grid = CellGrid(width: 5, height: 2)
    grid.write("ab", x: 0, y: 0)
    #expect(grid.screenText == "ab\n")
  }

  @Test func fillCoversOnlyTheVisiblePart() {
    var grid = CellGrid(width: 4, height: 2, fill: Cell("x"))
    grid.fill(Rect(x: 2, y: 1, width: 5, height: 5), with: Cell("o"))
    #expect(grid.lines == ["xxxx", "xxoo"])
  }
}
