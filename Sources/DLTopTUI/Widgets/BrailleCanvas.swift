/// A drawing surface of 2×4 dots per cell (ratatui's braille `Grid`), with an ASCII fallback.
///
/// Dot (0, 0) is the top-left dot of the top-left cell. Each cell keeps the colour of the last
/// series painted into it, so the series painted last wins where lines cross.
package struct BrailleCanvas: Sendable {
  package let columns: Int
  package let rows: Int
  private var bits: [UInt8]
  private var colors: [RGB?]

  package init(columns: Int, rows: Int) {
    self.columns = max(0, columns)
    self.rows = max(0, rows)
    bits = Array(repeating: 0, count: self.columns * self.rows)
    colors = Array(repeating: nil, count: self.columns * self.rows)
  }

  /// Width in dots.
  package var dotWidth: Int { columns * 2 }
  /// Height in dots.
  package var dotHeight: Int { rows * 4 }

  /// The braille bit of each dot, indexed `[y][x]` inside a cell (Unicode's dot numbering).
  private static let dotBits: [[UInt8]] = [
    [0x01, 0x08], [0x02, 0x10], [0x04, 0x20], [0x40, 0x80],
  ]

  /// Sets one dot; dots outside the canvas are ignored.
  package mutating func paint(x: Int, y: Int, color: RGB?) {
    guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return }
    let index = (y / 4) * columns + x / 2
    bits[index] |= Self.dotBits[y % 4][x % 2]
    colors[index] = color
  }

  /// Whether cell (column, row) has any dot set.
  package func isSet(column: Int, row: Int) -> Bool { bits[row * columns + column] != 0 }

  /// Draws a line between two dot positions (Bresenham). With `dotted`, only every third dot is
  /// set; `phase` carries the pattern across segments and is advanced.
  package mutating func line(
    from start: (x: Int, y: Int), to end: (x: Int, y: Int), color: RGB?, dotted: Bool = false,
    phase: inout Int
  ) {
    var (x, y) = start
    let dx = abs(end.x - x)
    let dy = -abs(end.y - y)
    let sx = x < end.x ? 1 : -1
    let sy = y < end.y ? 1 : -1
    var error = dx + dy
    let limit = dx - dy + 1
    for _ in 0..<limit {
      if !dotted || phase % 3 == 0 { paint(x: x, y: y, color: color) }
      phase += 1
      if x == end.x && y == end.y { break }
      let doubled = 2 * error
      if doubled >= dy {
        error += dy
        x += sx
      }
      if doubled <= dx {
        error += dx
        y += sy
      }
    }
  }

  /// Draws a line through `dots` in order; nil is a gap (the line starts again after it with a
  /// single dot). The dotted pattern runs on across segments and gaps.
  package mutating func polyline(_ dots: [(x: Int, y: Int)?], color: RGB?, dotted: Bool = false) {
    var phase = 0
    var previous: (x: Int, y: Int)?
    for dot in dots {
      guard let dot else {
        previous = nil
        continue
      }
      if let previous {
        line(from: previous, to: dot, color: color, dotted: dotted, phase: &phase)
      } else {
        paint(x: dot.x, y: dot.y, color: color)
      }
      previous = dot
    }
  }

  /// Copies the set cells into the grid at `origin`; empty cells are left as they were.
  /// Without Unicode the dots of a cell become `'` (top half), `.` (bottom half) or `:` (both).
  package func render(
    into grid: inout CellGrid, origin: (x: Int, y: Int), theme: Theme, base: Style
  ) {
    for row in 0..<rows {
      for column in 0..<columns {
        let pattern = bits[row * columns + column]
        guard pattern != 0 else { continue }
        let character: Character
        if theme.symbols.unicode {
          character = Character(Unicode.Scalar(UInt16(0x2800) + UInt16(pattern)) ?? " ")
        } else {
          let top = pattern & 0x1B != 0
          let bottom = pattern & 0xE4 != 0
          character = top && bottom ? ":" : (top ? "'" : ".")
        }
        let x = origin.x + column
        let y = origin.y + row
        guard grid.contains(x: x, y: y) else { continue }
        var style = base
        style.foreground = colors[row * columns + column] ?? base.foreground
        style.background = grid[x, y].style.background ?? base.background
        grid[x, y] = Cell(character, style: style)
      }
    }
  }
}
