/// What is on the screen now, so a frame writes only the cells that changed (SwiftTUI's
/// `Renderer` cache).
package struct ScreenCache: Sendable {
  /// This cache stores the screen content to see if printing is necessary; nil means unknown.
  private var cells: [Cell?] = []
  private var width = 0
  private var height = 0

  package init() {}

  /// Forgets everything (the next frame writes every cell).
  package mutating func invalidate() { cells = Array(repeating: nil, count: width * height) }

  /// Calls `write` for each cell of `grid` that differs from the cache, and remembers `grid`.
  /// A new size invalidates the cache first.
  /// - Returns: how many cells were written.
  @discardableResult
  package mutating func apply(_ grid: CellGrid, write: (_ x: Int, _ y: Int, _ cell: Cell) -> Void)
    -> Int
  {
    if grid.width != width || grid.height != height {
      width = grid.width
      height = grid.height
      invalidate()
    }
    var written = 0
    for y in 0..<height {
      for x in 0..<width {
        let index = y * width + x
        let cell = grid.cells[index]
        if cells[index] != cell {
          write(x, y, cell)
          cells[index] = cell
          written += 1
        }
      }
    }
    return written
  }
}
