/// A rectangle of terminal cells: column `x`, row `y`, `width` columns by `height` rows.
package struct Rect: Sendable, Equatable, Hashable {
  package var x: Int
  package var y: Int
  package var width: Int
  package var height: Int

  package init(x: Int, y: Int, width: Int, height: Int) {
    self.x = x
    self.y = y
    self.width = max(0, width)
    self.height = max(0, height)
  }

  package var isEmpty: Bool { width == 0 || height == 0 }
  package var maxX: Int { x + width }
  package var maxY: Int { y + height }

  /// The rectangle shrunk by `margin` cells on every side.
  package func inset(by margin: Int) -> Rect {
    Rect(x: x + margin, y: y + margin, width: width - 2 * margin, height: height - 2 * margin)
  }
}

extension Rect {
  /// The part of this rectangle inside `other` (empty when they do not meet).
  package func clipped(to other: Rect) -> Rect {
    let x0 = max(x, other.x)
    let y0 = max(y, other.y)
    return Rect(x: x0, y: y0, width: min(maxX, other.maxX) - x0, height: min(maxY, other.maxY) - y0)
  }

  /// Whether the cell at column `x`, row `y` lies inside.
  package func contains(x: Int, y: Int) -> Bool {
    x >= self.x && x < maxX && y >= self.y && y < maxY
  }

  /// Whether the two rectangles share at least one cell.
  package func intersects(_ other: Rect) -> Bool { !clipped(to: other).isEmpty }
}

extension Rect {
  /// The rectangle shrunk by `margin` columns left and right.
  package func inset(byColumns margin: Int) -> Rect {
    Rect(x: x + margin, y: y, width: width - 2 * margin, height: height)
  }
}
