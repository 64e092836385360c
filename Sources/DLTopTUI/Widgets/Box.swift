/// A rounded border with a title on the top edge (btop's boxes), an optional legend at the top
/// right and labels sunk into the bottom edge (x-axis ticks).
package struct Box: Sendable {
  /// The zoom key shown before the title ("1"), if any.
  package var key: String?
  package var title: String
  /// Spans drawn at the right of the top edge.
  package var legend: [Span] = []
  /// Labels drawn into the bottom edge at a column offset from the left border.
  package var bottomLabels: [(offset: Int, text: String)] = []

  package init(key: String? = nil, title: String, legend: [Span] = []) {
    self.key = key
    self.title = title
    self.legend = legend
  }

  /// The area inside the border.
  package static func inner(_ area: Rect) -> Rect { area.inset(by: 1) }

  package func render(into grid: inout CellGrid, area: Rect, theme: Theme) {
    guard area.width >= 2, area.height >= 2 else { return }
    let s = theme.symbols
    let line = theme.style(.border)
    let (x0, y0, x1, y1) = (area.x, area.y, area.maxX - 1, area.maxY - 1)
    for x in (x0 + 1)..<x1 {
      grid.put(s.horizontal, x: x, y: y0, style: line)
      grid.put(s.horizontal, x: x, y: y1, style: line)
    }
    for y in (y0 + 1)..<y1 {
      grid.put(s.vertical, x: x0, y: y, style: line)
      grid.put(s.vertical, x: x1, y: y, style: line)
    }
    grid.put(s.topLeft, x: x0, y: y0, style: line)
    grid.put(s.topRight, x: x1, y: y0, style: line)
    grid.put(s.bottomLeft, x: x0, y: y1, style: line)
    grid.put(s.bottomRight, x: x1, y: y1, style: line)
    // Title: ╭─┤1 loss├───
    var heading: [Span] = [Span(String(s.titleLeft), line)]
    if let key { heading.append(Span(key, theme.style(.highlight, bold: true))) }
    heading.append(Span((key == nil ? "" : " ") + title, theme.style(.title, bold: true)))
    heading.append(Span(String(s.titleRight), line))
    let room = area.width - 4
    let used = grid.write(heading, x: x0 + 2, y: y0, maxWidth: room)
    // Legend at the right, if it fits after the title.
    let legendWidth = legend.width + 2
    if !legend.isEmpty, used + legendWidth + 1 <= room {
      let start = x1 - 1 - legendWidth
      grid.put(s.titleLeft, x: start, y: y0, style: line)
      grid.write(legend, x: start + 1, y: y0, maxWidth: legend.width)
      grid.put(s.titleRight, x: start + 1 + legend.width, y: y0, style: line)
    }
    for label in bottomLabels {
      grid.write(
        label.text, x: x0 + label.offset, y: y1, style: theme.style(.axis),
        clip: Rect(x: x0 + 1, y: y1, width: area.width - 2, height: 1))
    }
  }
}
