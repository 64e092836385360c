/// The help screen, generated from `Keymap.bindings`, in a box centred over the dashboard.
package struct HelpOverlay: Sendable {
  /// Extra lines under the keys (why control keys are off, the run's source).
  package var notes: [String]

  package init(notes: [String] = []) {
    self.notes = notes
  }

  package func render(into grid: inout CellGrid, area: Rect, theme: Theme) {
    var lines = Keymap.helpLines()
    if lines.count + notes.count + 4 > area.height { lines = Keymap.helpLines(compact: true) }
    let keyWidth = lines.map(\.keys.count).max() ?? 0
    let textWidth = lines.map(\.description.count).max() ?? 0
    let width = min(area.width, max(keyWidth + textWidth + 7, (notes.map(\.count).max() ?? 0) + 4))
    let height = min(area.height, lines.count + notes.count + 4)
    let box = Rect(
      x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width: width,
      height: height)
    grid.fill(box, with: Cell(" ", style: theme.style(.mainForeground)))
    Box(title: "keys · any key closes").render(into: &grid, area: box, theme: theme)
    let inner = Box.inner(box).inset(byColumns: 1)
    var y = inner.y
    for line in lines where y < inner.maxY {
      let keys = line.keys + String(repeating: " ", count: keyWidth - line.keys.count)
      grid.write(keys, x: inner.x, y: y, style: theme.style(.highlight, bold: true), clip: inner)
      grid.write(
        line.description, x: inner.x + keyWidth + 2, y: y, style: theme.style(.mainForeground),
        clip: inner)
      y += 1
    }
    y += 1
    for note in notes where y < inner.maxY {
      grid.write(
        note, x: inner.x, y: y, style: theme.style(.inactive), maxWidth: inner.width, clip: inner)
      y += 1
    }
  }
}
