import DLTopMonitor

/// The run-comparison table (`R`), TensorBoard's HParams view: one row per run with the
/// hyper-parameters that differ between runs and the best and final metrics, sorted by a column
/// (←/→ choose it, `i` inverts); the parameters every run shares are listed once below.
///
///     ╭─┤compare 3 runs · sort best_loss ▲├──────────────────────────────────────╮
///     │ run        lr     batch  epochs  best_loss  best_epoch   loss  val_loss  │
///     │ lr0.01     0.01   64         30      0.301          22  0.120     0.310  │
///     │ …                                                                         │
///     │ same for all: optimizer adam · epochs 30                                  │
///     ╰───────────────────────────────────────────────────────────────────────────╯
package struct RunComparisonOverlay: Sendable {
  package var comparison: RunComparison
  package var sortColumn: Int
  package var descending: Bool
  /// Rows scrolled off the top.
  package var scroll: Int
  /// Names are shown without the folder and ending all runs share.
  package var shortName: @Sendable (String) -> String

  package init(
    comparison: RunComparison, sortColumn: Int, descending: Bool, scroll: Int = 0,
    shortName: @escaping @Sendable (String) -> String = { $0 }
  ) {
    self.comparison = comparison
    self.sortColumn = sortColumn
    self.descending = descending
    self.scroll = scroll
    self.shortName = shortName
  }

  /// The hint on the last row.
  package static let hint =
    "← → sort column · i invert · ↑↓ scroll · s snapshot (runs.csv) · Esc close"

  /// The table as text lines: the header, then one line per run in sort order.
  package func tableLines() -> [String] {
    let columns = comparison.columns
    let column = min(max(0, sortColumn), columns.count - 1)
    let rows = comparison.sorted(byColumn: column, descending: descending)
    let format: (Double) -> String = { NumberFormat.compact($0) }
    var table = rows.map { row -> [String] in
      var cells = comparison.cells(row, format: format)
      cells[0] = (row.isMain ? "* " : "  ") + RunList.abbreviate(shortName(row.name), to: 24)
      return cells
    }
    var header = columns
    header[0] = "  run"
    header[column] += descending ? " ▼" : " ▲"
    table.insert(header, at: 0)
    let widths = columns.indices.map { index in table.map { $0[index].count }.max() ?? 0 }
    return table.map { cells in
      cells.enumerated().map { index, cell in
        let pad = String(repeating: " ", count: widths[index] - cell.count)
        return index == 0 ? cell + pad : pad + cell
      }.joined(separator: "  ")
    }
  }

  /// Draws the table over `area` (the dashboard's body).
  package func render(into grid: inout CellGrid, area: Rect, theme: Theme) {
    guard area.width >= 30, area.height >= 6 else { return }
    grid.fill(area, with: Cell(" ", style: theme.style(.mainForeground)))
    let columns = comparison.columns
    let name = columns[min(max(0, sortColumn), columns.count - 1)]
    Box(title: "compare \(comparison.rows.count) runs · sort \(name) \(descending ? "▼" : "▲")")
      .render(into: &grid, area: area, theme: theme)
    let inner = Box.inner(area).inset(byColumns: 1)
    let lines = tableLines()
    var footer: [String] = []
    if !comparison.sharedParameters.isEmpty {
      footer.append(
        "same for all: "
          + comparison.sharedParameters.map { "\($0.key) \($0.value)" }.joined(separator: " · "))
    }
    footer.append(Self.hint)
    let bodyRows = max(1, inner.height - footer.count - 1)
    grid.write(
      lines[0], x: inner.x, y: inner.y, style: theme.style(.axis, bold: true),
      maxWidth: inner.width, clip: inner)
    let visible = lines.dropFirst().dropFirst(min(scroll, max(0, lines.count - 1 - (bodyRows - 1))))
    var y = inner.y + 1
    for line in visible.prefix(bodyRows - 1) {
      let style =
        line.hasPrefix("* ") ? theme.style(.train, bold: true) : theme.style(.mainForeground)
      grid.write(line, x: inner.x, y: y, style: style, maxWidth: inner.width, clip: inner)
      y += 1
    }
    var footerY = inner.maxY - footer.count
    for line in footer {
      grid.write(
        line, x: inner.x, y: footerY, style: theme.style(.inactive), maxWidth: inner.width,
        clip: inner)
      footerY += 1
    }
  }
}
