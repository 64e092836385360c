import DLTopMonitor

/// A confusion matrix as a heatmap: rows are true classes, columns predicted classes.
///
/// Each cell's background comes from the theme's `heat` gradient by its row-normalized rate
/// (`counts[i][j] / Σⱼ counts[i][j]`). Counts are printed when the cells are wide enough for the
/// largest count, rates (percent of the row) otherwise. Recall per class sits on the right
/// margin, precision per class on the bottom margin.
package struct Heatmap: Sendable {
  package enum Values: Sendable, Equatable { case counts, rates }
  package var counts: [[Int]]
  package var classNames: [String]
  /// What to print in the cells; counts fall back to rates when they do not fit.
  package var values: Values

  package init(counts: [[Int]], classNames: [String], values: Values = .counts) {
    self.counts = counts
    self.classNames = classNames
    self.values = values
  }

  /// The row-normalized rate of cell (row, column); 0 for an empty row.
  package func rate(row: Int, column: Int) -> Double {
    let total = counts[row].reduce(0, +)
    return total == 0 ? 0 : Double(counts[row][column]) / Double(total)
  }

  /// What the cells will show with `textWidth` columns, after the fallback from counts to rates.
  package func shownValues(textWidth: Int) -> Values {
    let largest = counts.flatMap { $0 }.max() ?? 0
    return values == .counts && String(largest).count <= textWidth ? .counts : .rates
  }

  /// The first `width` characters of a class name (at least one).
  package static func abbreviate(_ name: String, width: Int) -> String {
    String(name.prefix(max(1, width)))
  }

  package func render(into grid: inout CellGrid, area: Rect, theme: Theme) {
    let k = counts.count
    guard k > 0, area.height >= 3, area.width >= 8 else { return }
    let names = (0..<k).map { $0 < classNames.count ? classNames[$0] : String($0) }
    let marginWidth = 5  // " rec" / " 97%"
    let longest = names.map(\.count).max() ?? 1
    var labelWidth = min(longest, 8) + 1
    var cellWidth = (area.width - labelWidth - marginWidth) / k
    if cellWidth < 4 {
      labelWidth = min(longest, 3) + 1
      cellWidth = max(1, (area.width - labelWidth - marginWidth) / k)
    }
    cellWidth = min(cellWidth, 7)
    // One column of each cell separates it from its neighbour, when there is room.
    let textWidth = cellWidth >= 2 ? cellWidth - 1 : 1
    let rowsShown = min(k, area.height - 2)
    let shown = shownValues(textWidth: textWidth)
    let axis = theme.style(.axis)
    let x0 = area.x + labelWidth
    let marginX = x0 + k * cellWidth + 1
    let clip = area
    func rightAligned(_ text: String, x: Int, y: Int, style: Style) {
      let padded = String(repeating: " ", count: max(0, textWidth - text.count)) + text
      grid.write(
        padded, x: x + cellWidth - textWidth, y: y, style: style, maxWidth: textWidth, clip: clip)
    }
    // Header: predicted class names.
    for j in 0..<k {
      rightAligned(
        Self.abbreviate(names[j], width: textWidth), x: x0 + j * cellWidth, y: area.y, style: axis)
    }
    grid.write("rec", x: marginX, y: area.y, style: axis, clip: clip)
    // Rows.
    for i in 0..<rowsShown {
      let y = area.y + 1 + i
      grid.write(
        Self.abbreviate(names[i], width: labelWidth - 1), x: area.x, y: y, style: axis,
        maxWidth: labelWidth - 1, clip: clip)
      for j in 0..<k {
        let rate = rate(row: i, column: j)
        let style = cellStyle(rate: rate, diagonal: i == j, theme: theme)
        let x = x0 + j * cellWidth
        grid.fill(
          Rect(x: x, y: y, width: cellWidth, height: 1).clipped(to: clip),
          with: Cell(" ", style: style))
        let text =
          counts[i][j] == 0
          ? "·" : (shown == .counts ? String(counts[i][j]) : Self.rateText(rate, width: textWidth))
        rightAligned(text, x: x, y: y, style: style)
      }
      let recall = ConfusionMath.recall(counts, i)
      grid.write(
        recall.map { NumberFormat.percent($0) } ?? "-", x: marginX, y: y,
        style: rateStyle(recall, theme: theme), clip: clip)
    }
    // Bottom margin: precision per predicted class, and what the numbers are.
    let footer = area.y + 1 + rowsShown
    guard footer < area.maxY else { return }
    let precisionLabel = labelWidth >= 5 ? "prec" : labelWidth >= 4 ? "pre" : "P"
    grid.write(
      precisionLabel, x: area.x, y: footer, style: axis, maxWidth: labelWidth - 1, clip: clip)
    for j in 0..<k {
      let precision = ConfusionMath.precision(counts, j)
      let text = precision.map { Self.rateText($0, width: textWidth) } ?? "-"
      rightAligned(
        text, x: x0 + j * cellWidth, y: footer, style: rateStyle(precision, theme: theme))
    }
    // The precision row is always a rate, whatever the cells show: its unit, not the cells'.
    let unit = textWidth >= 2 ? "%" : "×10%"
    grid.write(unit, x: marginX, y: footer, style: theme.style(.inactive), clip: clip)
    // Summary and, on big screens, a per-class table.
    guard footer + 2 < area.maxY else { return }
    grid.write(
      summary(), x: area.x, y: footer + 2, style: theme.style(.mainForeground),
      maxWidth: area.width, clip: clip)
    let tableTop = footer + 4
    guard tableTop + k < area.maxY, area.width >= 44 else { return }
    let nameWidth = min(longest, 14)
    func row(_ cells: [String]) -> String {
      let name = String(cells[0].prefix(nameWidth))
      return name + String(repeating: " ", count: nameWidth - name.count)
        + cells.dropFirst().map { String(repeating: " ", count: max(0, 10 - $0.count)) + $0 }
        .joined()
    }
    grid.write(
      row(["class", "precision", "recall", "F1", "support"]), x: area.x, y: tableTop, style: axis,
      maxWidth: area.width, clip: clip)
    for i in 0..<k {
      let p = ConfusionMath.precision(counts, i)
      let r = ConfusionMath.recall(counts, i)
      let f1 = p.flatMap { p in r.map { r in p + r == 0 ? 0 : 2 * p * r / (p + r) } }
      let cells = [
        names[i], p.map { NumberFormat.percent($0, decimals: 1) } ?? "-",
        r.map { NumberFormat.percent($0, decimals: 1) } ?? "-",
        f1.map { NumberFormat.fixed($0, 3) } ?? "-", String(counts[i].reduce(0, +)),
      ]
      grid.write(
        row(cells), x: area.x, y: tableTop + 1 + i, style: theme.style(.mainForeground),
        maxWidth: area.width, clip: clip)
    }
  }

  /// Accuracy and macro-averaged precision, recall and F1 over the classes.
  package func summary() -> String {
    let k = counts.count
    let total = counts.reduce(0) { $0 + $1.reduce(0, +) }
    let correct = (0..<k).reduce(0) { $0 + counts[$1][$1] }
    let recalls = (0..<k).compactMap { ConfusionMath.recall(counts, $0) }
    let precisions = (0..<k).compactMap { ConfusionMath.precision(counts, $0) }
    let f1s = (0..<k).compactMap { i -> Double? in
      guard let p = ConfusionMath.precision(counts, i), let r = ConfusionMath.recall(counts, i)
      else { return nil }
      return p + r == 0 ? 0 : 2 * p * r / (p + r)
    }
    func mean(_ values: [Double]) -> String {
      values.isEmpty
        ? "-" : NumberFormat.percent(values.reduce(0, +) / Double(values.count), decimals: 1)
    }
    let accuracy =
      total == 0 ? "-" : NumberFormat.percent(Double(correct) / Double(total), decimals: 1)
    return "accuracy \(accuracy) · macro P \(mean(precisions)) R \(mean(recalls)) F1 \(mean(f1s))"
  }

  /// A rate in `width` columns: whole percent from two columns ("**" for a full 100% in two);
  /// in one column the tens digit, "·" under 10% and "*" for 100%.
  package static func rateText(_ rate: Double, width: Int) -> String {
    let percent = Int((rate * 100).rounded())
    if width >= 3 { return String(percent) }
    if percent >= 100 { return width == 2 ? "**" : "*" }
    if width == 2 { return String(percent) }
    return percent < 10 ? "·" : String(percent / 10)
  }

  /// Background by rate from the heat gradient, with black or white text for contrast; in
  /// monochrome, reverse video for rates of one half and more.
  package func cellStyle(rate: Double, diagonal: Bool, theme: Theme) -> Style {
    guard let background = theme.gradient(.heat, at: rate) else {
      return Style(bold: diagonal, dim: rate == 0, reverse: rate >= 0.5)
    }
    let foreground = background.luminance > 0.5 ? RGB(0, 0, 0) : RGB(0xF0, 0xF0, 0xF0)
    return Style(foreground: foreground, background: background, bold: diagonal)
  }

  private func rateStyle(_ value: Double?, theme: Theme) -> Style {
    guard let value else { return theme.style(.inactive) }
    return theme.style(value >= 0.9 ? .good : value >= 0.7 ? .mainForeground : .bad)
  }
}

/// Recall and precision straight from a count matrix (the monitor's `ConfusionRecord` has the
/// same, but the widget takes plain counts).
package enum ConfusionMath {
  package static func recall(_ counts: [[Int]], _ k: Int) -> Double? {
    ConfusionRecord(epoch: 0, counts: counts).recall(ofClass: k)
  }

  package static func precision(_ counts: [[Int]], _ k: Int) -> Double? {
    ConfusionRecord(epoch: 0, counts: counts).precision(ofClass: k)
  }
}
