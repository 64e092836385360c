import DLTopMonitor

/// The run picker (`r`), centred over the dashboard: the runs in the chosen order and filter
/// (`RunList.pickerOrder`), each with a checkbox for its overlay, its colour and marker, the part
/// of its name that tells it apart, its epoch count and latest loss.
///
///     ╭─┤runs 2 of 200 · sort name · filter lr0├────────╮
///     │ ▸ [x] ◆ lr0.1               12 ep  val_loss 0.41 │
///     │   [x] ── lr0.01     main    30 ep  val_loss 0.30 │
///     │                                                   │
///     │ ↑↓ move · space overlay · a all · n none · …      │
///     ╰───────────────────────────────────────────────────╯
package struct RunPickerOverlay: Sendable {
  package var list: RunList
  /// The highlighted position in `list`.
  package var highlighted: Int
  /// The positions of `list` shown, in order (all of them by default).
  package var order: [Int]
  package var sort: RunList.Sort = .name
  package var filter = ""
  package var editingFilter = false

  package init(list: RunList, highlighted: Int, order: [Int]? = nil) {
    self.list = list
    self.highlighted = highlighted
    self.order = order ?? Array(list.entries.indices)
  }

  /// The hint under the list.
  package static let hint =
    "↑↓ move · space overlay · a all · n none · o sort · / filter · Enter make main · Esc close"
  /// The hint while typing a filter.
  package static let filterHint = "type to filter · Enter keep · Esc clear"

  /// Where the picker draws in `area`: its box, the inner area, the first listed row shown and
  /// how many rows the list has.
  struct Geometry {
    var box: Rect
    var inner: Rect
    var first: Int
    var rows: Int
    var nameWidth: Int
    var infoWidth: Int
  }

  func geometry(in area: Rect) -> Geometry? {
    let entries = list.entries
    guard !entries.isEmpty, area.width >= 20, area.height >= 5 else { return nil }
    let names = entries.map { list.shortName($0.name) }
    let nameWidth = min(32, order.map { names[$0].count }.max() ?? 8)
    let infos = entries.map(Self.info)
    let infoWidth = order.map { infos[$0].count }.max() ?? 0
    let rowWidth = 2 + 4 + 3 + nameWidth + 6 + 2 + infoWidth
    let hint = editingFilter ? Self.filterHint : Self.hint
    let width = min(area.width, max(rowWidth, hint.count, title.count + 6, 40) + 4)
    let height = min(area.height, max(order.count, 1) + 4)
    let box = Rect(
      x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width: width,
      height: height)
    let inner = Box.inner(box).inset(byColumns: 1)
    let rows = max(1, inner.height - 2)
    let row = order.firstIndex(of: highlighted) ?? 0
    // Scroll so the highlighted run stays in view.
    let first = min(max(0, row - rows / 2), max(0, order.count - rows))
    return Geometry(
      box: box, inner: inner, first: first, rows: rows, nameWidth: nameWidth, infoWidth: infoWidth)
  }

  /// The position in `list` of the run drawn at (`x`, `y`), if a run's row is there.
  package func position(at x: Int, _ y: Int, in area: Rect) -> Int? {
    guard let geometry = geometry(in: area), geometry.box.contains(x: x, y: y) else { return nil }
    let offset = y - geometry.inner.y
    guard offset >= 0, offset < geometry.rows, geometry.first + offset < order.count else {
      return nil
    }
    return order[geometry.first + offset]
  }

  package func render(into grid: inout CellGrid, area: Rect, theme: Theme) {
    guard let geometry = geometry(in: area) else { return }
    let entries = list.entries
    let names = entries.map { list.shortName($0.name) }
    let infos = entries.map(Self.info)
    let (box, inner, first, rows) = (geometry.box, geometry.inner, geometry.first, geometry.rows)
    let (nameWidth, infoWidth) = (geometry.nameWidth, geometry.infoWidth)
    let hint = editingFilter ? Self.filterHint : Self.hint
    grid.fill(box, with: Cell(" ", style: theme.style(.mainForeground)))
    Box(title: title).render(into: &grid, area: box, theme: theme)
    let symbols = theme.symbols
    let fittedName = max(3, min(nameWidth, inner.width - 2 - 4 - 3 - 6 - 2 - infoWidth))
    if order.isEmpty {
      grid.write(
        "no run matches '\(filter)'", x: inner.x, y: inner.y, style: theme.style(.inactive),
        maxWidth: inner.width, clip: inner)
    }
    for (offset, position) in order[first..<min(order.count, first + rows)].enumerated() {
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
      let name = RunList.abbreviate(names[position], to: fittedName, ellipsis: symbols.ellipsis)
      let padded = name + String(repeating: " ", count: max(0, fittedName - name.count))
      spans.append(Span(padded, theme.style(.title, bold: isHighlighted)))
      spans.append(Span(entry.isMain ? "  main" : "      ", theme.style(.highlight)))
      spans.append(Span("  " + infos[position], theme.style(.inactive)))
      grid.write(spans, x: inner.x, y: y, maxWidth: inner.width, clip: inner)
    }
    grid.write(
      hint, x: inner.x, y: inner.maxY - 1, style: theme.style(.inactive),
      maxWidth: inner.width, clip: inner)
  }

  /// `runs (3)`, or `runs 2 of 200 · sort best loss · filter lr0_`.
  var title: String {
    let count = list.entries.count
    var text = order.count == count ? "runs (\(count))" : "runs \(order.count) of \(count)"
    if sort != .name { text += " · sort " + Dashboard.sortLabel(sort) }
    if !filter.isEmpty || editingFilter {
      text += " · filter " + filter + (editingFilter ? "_" : "")
    }
    return text
  }

  /// `12 ep  val_loss 0.412`: how far the run got and its latest loss; `loading` while its log is
  /// read for the first time.
  static func info(_ entry: RunList.Entry) -> String {
    if entry.loading { return "loading" }
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
