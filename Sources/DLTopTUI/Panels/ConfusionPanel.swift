import DLTopMonitor

/// The confusion matrix of the latest validation pass, or an earlier one (←/→).
package struct ConfusionPanel: Sendable {
  package init() {}

  /// The index of the record shown for a pinned epoch (nil: the newest). A pinned epoch that
  /// has left the bounded history shows the oldest record kept.
  package static func index(in snapshot: TrainingSnapshot, epoch: Int?) -> Int? {
    let confusions = snapshot.confusions
    guard !confusions.isEmpty else { return nil }
    guard let epoch else { return confusions.count - 1 }
    return confusions.lastIndex { $0.epoch <= epoch } ?? 0
  }

  /// The record shown for a pinned epoch (nil: the newest).
  package static func record(in snapshot: TrainingSnapshot, epoch: Int?) -> ConfusionRecord? {
    index(in: snapshot, epoch: epoch).map { snapshot.confusions[$0] }
  }

  package func render(into grid: inout CellGrid, area: Rect, context: PanelContext) {
    let theme = context.theme
    let snapshot = context.snapshot
    let shown = Self.index(in: snapshot, epoch: context.state.confusionEpoch)
    let record = shown.map { snapshot.confusions[$0] }
    var title = "confusion"
    if let record { title += " e\(record.epoch)" }
    var legend: [Span] = []
    let back = shown.map { snapshot.confusions.count - 1 - $0 } ?? 0
    if back > 0 { legend = [Span("← → \(back) back", theme.style(.highlight))] }
    let box = Box(key: PanelID.confusion.zoomKey, title: title, legend: legend)
    box.render(into: &grid, area: area, theme: theme)
    let inner = Box.inner(area)
    guard let record else {
      CenteredMessage(lines: [Self.emptyMessage(snapshot)], role: .inactive).render(
        into: &grid, area: inner, theme: theme)
      return
    }
    let names = snapshot.run.classNames ?? (0..<record.classCount).map(String.init)
    Heatmap(counts: record.counts, classNames: names, values: context.state.confusionValues)
      .render(into: &grid, area: inner, theme: theme)
  }

  /// Why there is no matrix to draw: a foreign log without one, a regression task (our own runs
  /// know their class names before the first epoch), or no validation pass yet.
  static func emptyMessage(_ snapshot: TrainingSnapshot) -> String {
    if !snapshot.run.controllable { return "no confusion matrix in this log" }
    if snapshot.run.classNames == nil { return "regression: no confusion matrix" }
    return "no validation pass yet"
  }
}
