import DLTopMonitor

/// The run picker (`r`), centred over the dashboard: every run sorted by name (`RunList`), with a
/// checkbox for its overlay, its colour and marker, its epoch count and latest loss.
///
///     ╭─┤runs├──────────────────────────────────────────╮
///     │ ▸ [x] ◆ version_1           12 ep  val_loss 0.41 │
///     │   [x] ── version_2  main    30 ep  val_loss 0.30 │
///     │                                                   │
///     │ ↑↓ move · space overlay · Enter main · Esc close  │
///     ╰───────────────────────────────────────────────────╯
package struct RunPickerOverlay: Sendable {
  package var list: RunList
  /// The highlighted position in `list`.
  package var highlighted: Int

  package init(list: RunList, highlighted: Int) {
    self.list = list
    self.highlighted = highlighted
  }

  /// The hint under the list.
  package static let hint = "↑↓ move · space overlay · Enter make main · Esc close"

  package func render(into grid: inout CellGrid, area: Rect, theme: Theme) {
    let entries = list.entries
    guard !entries.isEmpty, area.width >= 20, area.height >= 5 else { return }
    let nameWidth = min(32, entries.map(\.name.count).max() ?? 0)
    let infos = entries.map(Self.info)
    let infoWidth = infos.map(\.count).max() ?? 0
    let rowWidth = 2 + 4 + 3 + nameWidth + 6 + 2 + infoWidth
    let width = min(area.width, max(rowWidth, Self.hint.count) + 4)
    let height = min(area.height, entries.count + 4)
    let box = Rect(
      x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width: width,
      height: height)
    grid.fill(box, with: Cell(" ", style: theme.style(.mainForeground)))
    Box(title: "runs (\(entries.count))").render(into: &grid, area: box, theme: theme)
    let inner = Box.inner(box).inset(byColumns: 1)
    let rows = max(1, inner.height - 2)
    // Scroll so the highlighted run stays in view.
    let first = min(max(0, highlighted - rows / 2), max(0, entries.count - rows))
    let symbols = theme.symbols
    let fittedName = max(3, min(nameWidth, inner.width - 2 - 4 - 3 - 6 - 2 - infoWidth))
    for (offset, position) in (first..<min(entries.count, first + rows)).enumerated() {
      let entry = entries[position]
      let y = inner.y + offset
      let isHighlighted = position == highlighted
      var spans: [Span] = [
        Span(
          isHighlighted ? (symbols.unicode ? "▸ " : "> ") : "  ",
          theme.style(.highlight, bold: true)),
        Span(
          entry.visible ? "[x] " : "[ ] ", theme.style(entry.isMain ? .inactive : .mainForeground)),
      ]
      if entry.isMain {
        spans.append(
          Span(
            String(repeating: symbols.horizontal, count: 2) + " ", theme.style(.train, bold: true)))
      } else {
        spans.append(
          Span(String(entry.marker(symbols)) + "  ", theme.style(entry.color, bold: true)))
      }
      let name = RunList.abbreviate(entry.name, to: fittedName, ellipsis: symbols.ellipsis)
      let padded = name + String(repeating: " ", count: max(0, fittedName - name.count))
      spans.append(Span(padded, theme.style(.title, bold: isHighlighted)))
      spans.append(Span(entry.isMain ? "  main" : "      ", theme.style(.highlight)))
      spans.append(Span("  " + infos[position], theme.style(.inactive)))
      grid.write(spans, x: inner.x, y: y, maxWidth: inner.width, clip: inner)
    }
    grid.write(
      Self.hint, x: inner.x, y: inner.maxY - 1, style: theme.style(.inactive),
      maxWidth: inner.width, clip: inner)
  }

  /// `12 ep  val_loss 0.412`: how far the run got and its latest loss.
  static func info(_ entry: RunList.Entry) -> String {
    var text = "\(entry.epochs.count) ep"
    if let last = entry.epochs.last {
      if let value = last.validationLoss {
        text += "  val_loss " + NumberFormat.compact(value)
      } else if let value = last.loss {
        text += "  loss " + NumberFormat.compact(value)
      }
    }
    return text
  }
}
