/// Text centred in an area, wrapped to its width: "terminal too small (need 50×14)".
package struct CenteredMessage: Sendable {
  package var lines: [String]
  package var role: ThemeRole

  package init(lines: [String], role: ThemeRole = .warning) {
    self.lines = lines
    self.role = role
  }

  /// The message shown below the minimum size.
  package static func tooSmall(need: (width: Int, height: Int), have: (width: Int, height: Int))
    -> CenteredMessage
  {
    CenteredMessage(lines: [
      "terminal too small (need \(need.width)×\(need.height))",
      "now \(have.width)×\(have.height) · q quits",
    ])
  }

  package func render(into grid: inout CellGrid, area: Rect, theme: Theme) {
    let wrapped = lines.flatMap { TextWrap.wrap($0, width: area.width) }
    var y = area.y + max(0, (area.height - wrapped.count) / 2)
    for (index, line) in wrapped.enumerated() where y < area.maxY {
      let style = index == 0 ? theme.style(role, bold: true) : theme.style(.inactive)
      grid.write(
        line, x: area.x + max(0, (area.width - line.count) / 2), y: y, style: style, clip: area)
      y += 1
    }
  }
}
