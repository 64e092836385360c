/// The bottom row: a message while one is showing, else the most used keys; for a run dltop
/// does not control, a note at the right that control is advice only.
package struct FooterPanel: Sendable {
  package var message: String?
  package var controllable: Bool
  /// Show the run picker's key (there are runs to compare).
  package var hasOtherRuns = false
  /// Show the metric key (panel 2 has more than one metric to show).
  package var hasOtherMetrics = false
  /// Show the test-results key (the run has been evaluated on its test split).
  package var hasTestResults = false
  /// Show the range test's key (our run is paused: `L` runs it).
  package var offersRangeTest = false

  /// The note for watched runs.
  package static let watchNote = "watch: advice only, cannot pause or steer"

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
    var end = area.maxX
    // The note for watched runs, shortened on narrow screens; the first hints keep ~24 columns.
    if !controllable,
      let note = [Self.watchNote, "watch: advice only"].first(where: {
        $0.count <= area.width - 24
      })
    {
      end = area.maxX - note.count
      grid.write(note, x: end, y: area.y, style: theme.style(.message))
      end -= 1
    }
    var hints: [(String, String)] = [("q", "quit")]
    if hasTestResults { hints.append(("t", "test results")) }
    if controllable {
      hints += [
        ("space", "pause"), ("]", "lr×\(Keymap.factorLabel)"), ("[", "lr÷\(Keymap.factorLabel)"),
        ("e", "early stop"),
      ]
      if offersRangeTest { hints.insert(("L", "lr-find"), at: hints.count - 3) }
    }
    hints.append(("1-5", "zoom"))
    if hasOtherRuns { hints.append(("r", "runs")) }
    if hasOtherMetrics { hints.append(("v", "metric")) }
    hints += [("l", "log"), ("m", "smooth"), ("c", "counts/%"), ("s", "snapshot"), ("?", "help")]
    var x = area.x
    for (key, text) in hints {
      let width = key.count + text.count + 2
      guard x + width <= end else { break }
      x += grid.write(key, x: x, y: area.y, style: theme.style(.highlight, bold: true))
      x += grid.write(" " + text + " ", x: x, y: area.y, style: theme.style(.inactive))
    }
  }
}
