import DLTopMonitor
import Foundation

/// The current verdicts in words, with their evidence and advice; before diagnosis has spoken,
/// the train/validation gap and the validation trend.
package struct DiagnosisPanel: Sendable {
  package init() {}

  package func render(into grid: inout CellGrid, area: Rect, context: PanelContext) {
    let theme = context.theme
    Box(key: PanelID.diagnosis.zoomKey, title: "diagnosis").render(
      into: &grid, area: area, theme: theme)
    TextPanel(paragraphs: paragraphs(context, width: Box.inner(area).width)).render(
      into: &grid, area: Box.inner(area), theme: theme)
  }

  /// The text, most important first.
  package func paragraphs(_ context: PanelContext, width: Int = .max) -> [TextPanel.Paragraph] {
    let theme = context.theme
    let snapshot = context.snapshot
    var out: [TextPanel.Paragraph] = []
    if case .diverged(let epoch) = snapshot.status {
      out.append(
        .init(
          prefix: Span("! ", theme.style(.bad, bold: true)), "loss diverged at epoch \(epoch)",
          style: theme.style(.bad, bold: true)))
    }
    for verdict in snapshot.verdicts {
      let role = Self.role(for: verdict.kind)
      var head = verdict.kind.rawValue.replacingOccurrences(of: "_", with: " ").uppercased()
      if let onset = verdict.onsetEpoch { head += " since e\(onset)" }
      let confidence = " (" + NumberFormat.percent(verdict.confidence) + ")"
      if head.count + confidence.count + 2 <= width { head += confidence }
      out.append(
        .init(
          prefix: Span("● ", theme.style(role, bold: true)), head,
          style: theme.style(role, bold: true)))
      out.append(.init(prefix: Span("  "), verdict.evidence, style: theme.style(.mainForeground)))
      out.append(
        .init(
          prefix: Span("→ ", theme.style(.highlight)), verdict.advice, style: theme.style(.axis)))
    }
    if snapshot.verdicts.isEmpty { out += trend(context) }
    return out
  }

  private func trend(_ context: PanelContext) -> [TextPanel.Paragraph] {
    let theme = context.theme
    let epochs = context.snapshot.epochs
    guard let last = epochs.last else {
      if let loading = context.snapshot.progress.loading {
        return [.init(StatusLine.loadingText(loading), style: theme.style(.message))]
      }
      return [.init("no finished epoch yet", style: theme.style(.inactive))]
    }
    var out: [TextPanel.Paragraph] = []
    if let train = last.loss, let val = last.validationLoss, train.isFinite, val.isFinite {
      let gap = val - train
      let relative =
        train != 0
        ? " (" + (gap >= 0 ? "+" : "") + NumberFormat.percent(gap / abs(train)) + ")" : ""
      out.append(
        .init(
          prefix: Span("gap ", theme.style(.inactive)),
          "val_loss − loss = " + NumberFormat.compact(gap) + relative,
          style: theme.style(.mainForeground)))
    }
    let recent = epochs.suffix(5).compactMap { $0.validationLoss ?? $0.loss }.filter(\.isFinite)
    if recent.count >= 2, let first = recent.first, let end = recent.last, first != 0 {
      let perEpoch = (end - first) / abs(first) / Double(recent.count - 1)
      let word = perEpoch < -0.001 ? "falling" : perEpoch > 0.001 ? "rising" : "flat"
      let name = epochs.last?.validationLoss != nil ? "val_loss" : "loss"
      out.append(
        .init(
          prefix: Span("trend ", theme.style(.inactive)),
          "\(name) \(word) " + NumberFormat.percent(abs(perEpoch), decimals: 1)
            + "/epoch over \(recent.count) epochs",
          style: theme.style(word == "rising" ? .warning : .mainForeground)))
    }
    if out.isEmpty { out.append(.init("waiting for validation", style: theme.style(.inactive))) }
    return out
  }

  /// The colour for a verdict kind.
  package static func role(for kind: VerdictKind) -> ThemeRole {
    switch kind {
    case .healthy: .good
    case .tooEarly: .inactive
    case .divergence, .explodingGradients: .bad
    default: .warning
    }
  }
}
