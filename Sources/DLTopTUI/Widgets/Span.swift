/// A run of text in one style, for titles, legends and status lines.
package struct Span: Sendable, Equatable {
  package var text: String
  package var style: Style

  package init(_ text: String, _ style: Style = .plain) {
    self.text = text
    self.style = style
  }
}

extension CellGrid {
  /// Writes spans one after another from (x, y), clipped to `maxWidth` columns.
  /// - Returns: the columns written.
  @discardableResult
  package mutating func write(_ spans: [Span], x: Int, y: Int, maxWidth: Int, clip: Rect? = nil)
    -> Int
  {
    var column = 0
    for span in spans where column < maxWidth {
      column += write(
        span.text, x: x + column, y: y, style: span.style, maxWidth: maxWidth - column, clip: clip)
    }
    return column
  }
}

extension [Span] {
  /// The total width in columns.
  package var width: Int { reduce(0) { $0 + $1.text.count } }
}
