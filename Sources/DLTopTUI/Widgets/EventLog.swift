import DLTopMonitor

/// The newest events that fit, oldest at the top and the newest on the bottom row:
/// `  3:12 e12 lr 1e-3 → 5e-4 (key)`.
package struct EventLog: Sendable {
  package var events: [RunEvent]

  package init(events: [RunEvent]) {
    self.events = events
  }

  package func render(into grid: inout CellGrid, area: Rect, theme: Theme) {
    guard area.height > 0, area.width > 0 else { return }
    if events.isEmpty {
      grid.write("no events yet", x: area.x, y: area.y, style: theme.style(.inactive), clip: area)
      return
    }
    let shown = events.suffix(area.height)
    var y = area.maxY - shown.count
    for event in shown {
      let time = NumberFormat.duration(event.elapsedSeconds)
      let epoch = event.epoch.map { "e\($0) " } ?? ""
      let prefix = String(repeating: " ", count: max(0, 7 - time.count)) + time + " "
      var x = area.x
      x += grid.write(
        prefix, x: x, y: y, style: theme.style(.inactive), maxWidth: area.maxX - x, clip: area)
      x += grid.write(
        epoch, x: x, y: y, style: theme.style(.axis), maxWidth: area.maxX - x, clip: area)
      grid.write(
        event.text, x: x, y: y, style: style(for: event.kind, theme: theme),
        maxWidth: area.maxX - x, clip: area)
      y += 1
    }
  }

  private func style(for kind: RunEvent.Kind, theme: Theme) -> Style {
    switch kind {
    case .info: theme.style(.mainForeground)
    case .schedule: theme.style(.learningRate)
    case .key, .snapshot: theme.style(.message)
    case .earlyStop: theme.style(.stopMark, bold: true)
    case .warning, .verdict: theme.style(.warning)
    case .error: theme.style(.bad, bold: true)
    }
  }
}
