import DLTopMonitor

/// The confusion matrix of the latest validation pass, or an earlier one (←/→).
package struct ConfusionPanel: Sendable {
  package init() {}

  /// The record shown for an offset back from the newest (clamped).
  package static func record(in snapshot: TrainingSnapshot, offset: Int) -> ConfusionRecord? {
    guard !snapshot.confusions.isEmpty else { return nil }
    let index = snapshot.confusions.count - 1 - min(max(0, offset), snapshot.confusions.count - 1)
    return snapshot.confusions[index]
  }

  package func render(into grid: inout CellGrid, area: Rect, context: PanelContext) {
    let theme = context.theme
    let snapshot = context.snapshot
    let record = Self.record(in: snapshot, offset: context.state.confusionOffset)
    var title = "confusion"
    if let record { title += " e\(record.epoch)" }
    var legend: [Span] = []
    let back = min(context.state.confusionOffset, max(0, snapshot.confusions.count - 1))
    if back > 0 { legend = [Span("← → \(back) back", theme.style(.highlight))] }
    let box = Box(key: PanelID.confusion.zoomKey, title: title, legend: legend)
    box.render(into: &grid, area: area, theme: theme)
    let inner = Box.inner(area)
    guard let record else {
      CenteredMessage(lines: ["no validation pass yet"], role: .inactive).render(
        into: &grid, area: inner, theme: theme)
      return
    }
    let names = snapshot.run.classNames ?? (0..<record.classCount).map(String.init)
    Heatmap(counts: record.counts, classNames: names, values: context.state.confusionValues)
      .render(into: &grid, area: inner, theme: theme)
  }
}
