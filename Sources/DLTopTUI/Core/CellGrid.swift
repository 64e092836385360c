/// A width × height surface of cells: the only thing a widget draws on.
///
/// Every write is clipped to the grid (and to an optional `clip` rectangle), so a widget can never
/// scribble outside its area. Characters are assumed to be one column wide: the dashboard only
/// uses ASCII, box-drawing, block and braille characters.
package struct CellGrid: Sendable, Equatable {
  package let width: Int
  package let height: Int
  package private(set) var cells: [Cell]

  package init(width: Int, height: Int, fill: Cell = .blank) {
    self.width = max(0, width)
    self.height = max(0, height)
    cells = Array(repeating: fill, count: self.width * self.height)
  }

  /// The whole grid as a rectangle.
  package var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

  package subscript(x: Int, y: Int) -> Cell {
    get { cells[y * width + x] }
    set { cells[y * width + x] = newValue }
  }

  /// Whether (x, y) lies on the grid and inside `clip`.
  @inline(__always)
  package func contains(x: Int, y: Int, clip: Rect? = nil) -> Bool {
    guard x >= 0, y >= 0, x < width, y < height else { return false }
    guard let clip else { return true }
    return x >= clip.x && y >= clip.y && x < clip.maxX && y < clip.maxY
  }

  /// Sets one cell if it is visible.
  package mutating func put(_ character: Character, x: Int, y: Int, style: Style, clip: Rect? = nil)
  {
    guard contains(x: x, y: y, clip: clip) else { return }
    cells[y * width + x] = Cell(character, style: style)
  }

  /// Changes only the style of one cell (keeps its character).
  package mutating func restyle(x: Int, y: Int, clip: Rect? = nil, _ change: (inout Style) -> Void)
  {
    guard contains(x: x, y: y, clip: clip) else { return }
    change(&cells[y * width + x].style)
  }

  /// Writes `text` from (x, y) to the right, clipped; at most `maxWidth` columns, ending in "…"
  /// when it had to be cut.
  /// - Returns: the number of columns written (the text's width when nothing was clipped).
  @discardableResult
  package mutating func write(
    _ text: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil, clip: Rect? = nil
  ) -> Int {
    let limit = maxWidth ?? Int.max
    guard limit > 0 else { return 0 }
    var column = 0
    let count = text.count
    for character in text {
      if column >= limit { break }
      let cut = count > limit && column == limit - 1
      put(cut ? "…" : character, x: x + column, y: y, style: style, clip: clip)
      column += 1
    }
    return column
  }

  /// Fills a rectangle (clipped) with one cell.
  package mutating func fill(_ area: Rect, with cell: Cell = .blank) {
    let x0 = max(0, area.x)
    let y0 = max(0, area.y)
    let x1 = min(width, area.maxX)
    let y1 = min(height, area.maxY)
    guard x0 < x1, y0 < y1 else { return }
    for y in y0..<y1 {
      let row = y * width
      for x in x0..<x1 { cells[row + x] = cell }
    }
  }

  /// The characters of row `y` in `range` of columns (the whole row by default).
  package func text(row y: Int, columns: Range<Int>? = nil) -> String {
    guard y >= 0, y < height else { return "" }
    let range = columns ?? 0..<width
    var out = ""
    out.reserveCapacity(range.count)
    for x in range where x >= 0 && x < width { out.append(cells[y * width + x].character) }
    return out
  }

  /// `length` characters of row `y` from column `x` (clipped to the grid).
  package func text(at x: Int, y: Int, length: Int) -> String {
    text(row: y, columns: x..<(x + max(0, length)))
  }

  /// The characters inside `area`, one string per row.
  package func text(in area: Rect) -> [String] {
    (area.y..<area.maxY).map { text(row: $0, columns: area.x..<area.maxX) }
  }

  /// Every row as text, with trailing spaces kept (golden files compare whole screens).
  package var lines: [String] { (0..<height).map { text(row: $0) } }

  /// The screen as one string, rows separated by newlines and trailing spaces trimmed (what a
  /// snapshot's `screen.txt` holds).
  package var screenText: String {
    lines.map { line in
      var trimmed = Substring(line)
      while trimmed.last == " " { trimmed = trimmed.dropLast() }
      return String(trimmed)
    }.joined(separator: "\n")
  }
}
