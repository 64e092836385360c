import DLTopMonitor

/// The test-results view (`t`, and by itself when a run finishes): the held-out test split's
/// loss and accuracy, macro precision/recall/F1, the positive class of a binary task, the test
/// confusion matrix and a per-class table — the validation panel's counterpart for the one
/// evaluation that counts.
///
///     ╭─┤test results · t or Esc closes├─────────────────────────────────────╮
///     │ test split  360 samples   loss 0.1121   accuracy 0.9639 (96.39%)     │
///     │ macro avg   precision 96.5%   recall 96.4%   F1 0.964                │
///     │                                                                       │
///     │      0  1  2 …  rec   class  precision  recall     F1  support        │
///     ╰───────────────────────────────────────────────────────────────────────╯
package struct TestResultsOverlay: Sendable {
  package var results: TestSummary
  package var classNames: [String]?
  package var values: Heatmap.Values

  package init(results: TestSummary, classNames: [String]?, values: Heatmap.Values = .counts) {
    self.results = results
    self.classNames = classNames
    self.values = values
  }

  /// The box title, also what the e2e test waits for.
  package static let title = "test results · t or Esc closes"

  /// `loss 0.1121   accuracy 0.9639 (96.39%)`: four decimals, as the headless summary prints them.
  package static func headline(_ results: TestSummary) -> String {
    var text =
      "test split  \(results.samples.map(String.init) ?? "?") samples   loss \(Self.fixed4(results.loss))"
    if let accuracy = results.accuracy {
      text +=
        "   accuracy \(Self.fixed4(accuracy)) (\(NumberFormat.percent(accuracy, decimals: 2)))"
    }
    return text
  }

  /// The lines above the matrix: headline, macro averages or regression metrics, positive class.
  package func summaryLines() -> [String] {
    var lines = [Self.headline(results)]
    if let macro = results.macro {
      lines.append(
        "macro avg   precision \(NumberFormat.percent(macro.precision, decimals: 1))"
          + "   recall \(NumberFormat.percent(macro.recall, decimals: 1))"
          + "   F1 \(Self.fixed4(macro.f1))")
    }
    if let regression = results.regression {
      lines.append(
        "mse \(Self.fixed4(regression.meanSquaredError))"
          + "   mae \(Self.fixed4(regression.meanAbsoluteError))"
          + "   R² \(Self.fixed4(regression.rSquared))")
    }
    if let positive = results.positiveClass, let confusion = results.confusionRecord,
      let scores = results.scores(ofClass: positive)
    {
      let k = confusion.classCount
      let tp = confusion.counts[positive][positive]
      let fn = confusion.counts[positive].reduce(0, +) - tp
      let fp = (0..<k).reduce(0) { $0 + confusion.counts[$1][positive] } - tp
      let tn = confusion.counts.reduce(0) { $0 + $1.reduce(0, +) } - tp - fn - fp
      lines.append(
        "positive class \(name(positive)): precision \(percent(scores.precision))"
          + "   recall \(percent(scores.recall))   F1 \(scores.f1.map(Self.fixed4) ?? "-")"
          + "   TP \(tp) FP \(fp) FN \(fn) TN \(tn)")
    }
    return lines
  }

  /// The per-class table: header, then one row per class.
  package func tableLines() -> [String] {
    guard let confusion = results.confusionRecord else { return [] }
    let k = confusion.classCount
    let nameWidth = max(5, min(14, (0..<k).map { name($0).count }.max() ?? 5))
    func row(_ cells: [String]) -> String {
      let first = String(cells[0].prefix(nameWidth))
      return first + String(repeating: " ", count: nameWidth - first.count)
        + cells.dropFirst().map { String(repeating: " ", count: max(0, 10 - $0.count)) + $0 }
        .joined()
    }
    var lines = [row(["class", "precision", "recall", "F1", "support"])]
    for index in 0..<k {
      guard let scores = results.scores(ofClass: index) else { continue }
      lines.append(
        row([
          name(index), percent(scores.precision), percent(scores.recall),
          scores.f1.map(Self.fixed4) ?? "-", String(scores.support),
        ]))
    }
    return lines
  }

  /// Draws the view over `area` (the dashboard's body: between the status lines and the footer).
  package func render(into grid: inout CellGrid, area: Rect, theme: Theme) {
    guard area.width >= 30, area.height >= 6 else { return }
    let box = area
    grid.fill(box, with: Cell(" ", style: theme.style(.mainForeground)))
    Box(title: Self.title).render(into: &grid, area: box, theme: theme)
    let inner = Box.inner(box).inset(byColumns: 1)
    var y = inner.y
    for (index, line) in summaryLines().enumerated() where y < inner.maxY {
      let style = index == 0 ? theme.style(.title, bold: true) : theme.style(.mainForeground)
      grid.write(line, x: inner.x, y: y, style: style, maxWidth: inner.width, clip: inner)
      y += 1
    }
    guard let confusion = results.confusionRecord, y + 3 < inner.maxY else { return }
    y += 1
    let k = confusion.classCount
    let names = (0..<k).map(name)
    let table = tableLines()
    let tableWidth = table.map(\.count).max() ?? 0
    let matrixHeight = min(k + 2, inner.maxY - y)
    // The matrix needs about four columns a class plus labels; the table sits beside it when both
    // fit, else below it.
    let matrixWidth = min(inner.width, max(20, min(8, names.map(\.count).max() ?? 1) + 6 + 5 * k))
    let beside = matrixWidth + 2 + tableWidth <= inner.width
    let matrixArea = Rect(
      x: inner.x, y: y, width: beside ? matrixWidth : inner.width, height: matrixHeight)
    Heatmap(counts: confusion.counts, classNames: names, values: values)
      .render(into: &grid, area: matrixArea, theme: theme)
    var tableY = beside ? y : y + matrixHeight + 1
    let tableX = beside ? inner.x + matrixWidth + 2 : inner.x
    for (index, line) in table.enumerated() where tableY < inner.maxY {
      let style = index == 0 ? theme.style(.axis) : theme.style(.mainForeground)
      grid.write(
        line, x: tableX, y: tableY, style: style, maxWidth: inner.maxX - tableX, clip: inner)
      tableY += 1
    }
  }

  /// Four decimals, as the headless summary prints test metrics.
  private static func fixed4(_ value: Double) -> String { NumberFormat.fixed(value, 4) }

  private func name(_ index: Int) -> String {
    guard let classNames, index < classNames.count else { return String(index) }
    return classNames[index]
  }

  private func percent(_ value: Double?) -> String {
    value.map { NumberFormat.percent($0, decimals: 1) } ?? "-"
  }
}
