/// The bottom row: a message while one is showing, else the most used keys.
package struct FooterPanel: Sendable {
  package var message: String?
  package var controllable: Bool

  package init(message: String?, controllable: Bool) {
    self.message = message
    self.controllable = controllable
  }

  package func render(into grid: inout CellGrid, area: Rect, theme: Theme) {
    if let message {
      grid.write(
        message, x: area.x, y: area.y,
        style: theme.style(.message, bold: true).reversedIfMonochrome(theme), maxWidth: area.width)
      return
    }
    var hints: [(String, String)] = [("q", "quit")]
    if controllable {
      hints += [
        ("space", "pause"), ("]", "lr×\(Keymap.factorLabel)"), ("[", "lr÷\(Keymap.factorLabel)"),
        ("e", "early stop"),
      ]
    }
    hints += [
      ("1-5", "zoom"), ("l", "log"), ("m", "smooth"), ("c", "counts/%"), ("s", "snapshot"),
      ("?", "help"),
    ]
    var x = area.x
    for (key, text) in hints {
      let width = key.count + text.count + 2
      guard x + width <= area.maxX else { break }
      x += grid.write(key, x: x, y: area.y, style: theme.style(.highlight, bold: true))
      x += grid.write(" " + text + " ", x: x, y: area.y, style: theme.style(.inactive))
    }
  }
}
