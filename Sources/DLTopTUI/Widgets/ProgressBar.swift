/// A horizontal bar filled to `fraction` with the theme's progress gradient (`████░░░`).
package struct ProgressBar: Sendable {
  package var fraction: Double

  package init(fraction: Double) {
    self.fraction = fraction.isFinite ? min(1, max(0, fraction)) : 0
  }

  package func render(into grid: inout CellGrid, area: Rect, theme: Theme) {
    guard area.width > 0, area.height > 0 else { return }
    let filled = Int((fraction * Double(area.width)).rounded(.down))
    for column in 0..<area.width {
      let full = column < filled
      let t = area.width > 1 ? Double(column) / Double(area.width - 1) : 1
      var style =
        full ? Style(foreground: theme.gradient(.progress, at: t)) : theme.style(.inactive)
      style.background = theme.colors[.mainBackground]
      grid.put(
        full ? theme.symbols.barFull : theme.symbols.barEmpty, x: area.x + column, y: area.y,
        style: style)
    }
  }
}
