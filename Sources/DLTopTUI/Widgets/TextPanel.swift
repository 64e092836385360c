/// Lines of styled text, each wrapped to the area's width with a hanging indent, cut at the
/// bottom (diagnosis, help).
package struct TextPanel: Sendable {
  /// One paragraph: a first-line prefix (bullet), the text and its style.
  package struct Paragraph: Sendable, Equatable {
    package var prefix: Span?
    package var text: String
    package var style: Style
    package init(prefix: Span? = nil, _ text: String, style: Style) {
      self.prefix = prefix
      self.text = text
      self.style = style
    }
  }

  package var paragraphs: [Paragraph]

  package init(paragraphs: [Paragraph]) {
    self.paragraphs = paragraphs
  }

  package func render(into grid: inout CellGrid, area: Rect, theme: Theme) {
    var y = area.y
    for paragraph in paragraphs {
      guard y < area.maxY else { return }
      let indent = paragraph.prefix?.text.count ?? 0
      let lines = TextWrap.wrap(paragraph.text, width: area.width - indent)
      if let prefix = paragraph.prefix {
        grid.write(prefix.text, x: area.x, y: y, style: prefix.style, clip: area)
      }
      for line in lines {
        guard y < area.maxY else { return }
        grid.write(line, x: area.x + indent, y: y, style: paragraph.style, clip: area)
        y += 1
      }
      if lines.isEmpty { y += 1 }
    }
  }
}
