import DLTopMonitor
import Foundation

extension SearchView {
  /// The smallest terminal the search dashboard draws in.
  package static let minimumSize = (width: 60, height: 16)

  /// The keys, as the footer shows them.
  package static let footer =
    "q quit  space pause  ↑↓ select  x stop trial  enter open trial  o sort  s snapshot"

  /// Draws the whole screen.
  package func render(_ snapshot: SearchSnapshot, width: Int, height: Int) -> CellGrid {
    var grid = CellGrid(width: width, height: height)
    let (minWidth, minHeight) = Self.minimumSize
    guard width >= minWidth, height >= minHeight else {
      let text = "terminal too small (need \(minWidth)×\(minHeight))"
      grid.write(
        text, x: max(0, (width - text.count) / 2), y: height / 2, style: theme.style(.warning),
        clip: grid.bounds)
      return grid
    }
    renderHeader(snapshot, into: &grid, width: width)
    let body = height - 3
    let topHeight = max(7, body * 11 / 20)
    let tableWidth = width * 3 / 5
    renderTable(snapshot, into: &grid, area: Rect(x: 0, y: 2, width: tableWidth, height: topHeight))
    renderCurves(
      snapshot, into: &grid,
      area: Rect(x: tableWidth, y: 2, width: width - tableWidth, height: topHeight))
    renderScatters(
      snapshot, into: &grid,
      area: Rect(x: 0, y: 2 + topHeight, width: width, height: body - topHeight))
    let footer = message ?? Self.footer
    grid.write(
      footer, x: 0, y: height - 1, style: theme.style(message == nil ? .inactive : .message),
      maxWidth: width)
    return grid
  }

  private func renderHeader(_ snapshot: SearchSnapshot, into grid: inout CellGrid, width: Int) {
    let state: (String, ThemeRole) =
      switch snapshot.status {
      case .running: ("SEARCHING", .title)
      case .paused: ("PAUSED", .paused)
      case .finished: ("FINISHED", .good)
      }
    let counts = TrialStatus.allCases.compactMap { status -> String? in
      let n = snapshot.trials.filter { $0.status == status }.count
      return n > 0 ? "\(n) \(status.rawValue)" : nil
    }
    var spans: [Span] = [
      Span(state.0, theme.style(state.1, bold: true)), Span("  "),
      Span(
        "round \(snapshot.currentRound)/\(snapshot.totalRounds)  ", theme.style(.mainForeground)),
      Span(
        "trials \(snapshot.trials.count) (\(counts.joined(separator: ", ")))  ",
        theme.style(.mainForeground)),
    ]
    let budget = snapshot.budgetSeconds.map { " / " + NumberFormat.duration($0) } ?? ""
    spans.append(
      Span(
        "elapsed \(NumberFormat.duration(snapshot.elapsedSeconds))\(budget)  ",
        theme.style(.inactive)))
    if let best = snapshot.best, let loss = best.validationLoss {
      spans.append(
        Span(
          String(format: "best #%d val_loss %.4g", best.id, loss),
          theme.style(.bestMark, bold: true)))
    }
    grid.write(spans, x: 0, y: 0, maxWidth: width)
    // Row 2: the current round's bounds, the pruner, the test result once known.
    let space = snapshot.roundSpaces.last ?? snapshot.space
    var bounds =
      "bounds: "
      + space.parameters.map { "\($0.name) \($0.domain.summary)" }.joined(separator: " · ")
    bounds += "  pruner: \(snapshot.pruner) (saved \(snapshot.prunedEpochsSaved) epochs)"
    if let test = snapshot.testSummary { bounds = test + "  " + bounds }
    grid.write(bounds, x: 0, y: 1, style: theme.style(.axis), maxWidth: width)
  }

  private func renderTable(_ snapshot: SearchSnapshot, into grid: inout CellGrid, area: Rect) {
    let title = sortByLoss ? "trials by val_loss" : "trials by id"
    Box(key: "1", title: title).render(into: &grid, area: area, theme: theme)
    let inner = Box.inner(area)
    let names = snapshot.space.parameters.map(\.name)
    let widths = snapshot.space.parameters.map { parameter -> Int in
      switch parameter.domain {
      case .choices(let values):
        min(12, max(parameter.name.count, values.map(\.count).max() ?? 0)) + 1
      default: max(9, parameter.name.count + 1)
      }
    }
    var header =
      pad("#", 3, right: true) + " " + pad("rd", 2, right: true) + " " + pad("status", 7) + " "
    header +=
      pad("ep", 2, right: true) + " " + pad("val_loss", 8, right: true) + " "
      + pad("val_acc", 7, right: true) + " "
    for (name, width) in zip(names, widths) { header += pad(String(name.prefix(width - 1)), width) }
    header += "diagnosis"
    grid.write(
      header, x: inner.x, y: inner.y, style: theme.style(.title, bold: true), maxWidth: inner.width)
    let rows = rows(snapshot)
    let visibleRows = max(0, inner.height - 2)
    let selectedIndex = rows.firstIndex { $0.id == selectedID } ?? 0
    let first = max(0, min(selectedIndex - visibleRows + 1, rows.count - visibleRows))
    let bestID = snapshot.best?.id
    for (offset, trial) in rows.dropFirst(max(0, first)).prefix(visibleRows).enumerated() {
      var line =
        pad("\(trial.id)", 3, right: true) + " " + pad("\(trial.round)", 2, right: true) + " "
      line +=
        pad(trial.status.rawValue, 7) + " " + pad("\(trial.epochs.count)", 2, right: true) + " "
      line +=
        pad(trial.validationLoss.map { String(format: "%.4f", $0) } ?? "-", 8, right: true) + " "
      line +=
        pad(trial.validationAccuracy.map { String(format: "%.3f", $0) } ?? "-", 7, right: true)
        + " "
      for (value, width) in zip(trial.values, widths) {
        line += pad(String(value.description.prefix(width - 1)), width)
      }
      line += trial.verdict ?? trial.note ?? ""
      var style = theme.style(statusRole(trial.status))
      if trial.id == bestID { style = theme.style(.bestMark, bold: true) }
      if trial.id == selectedID { style = style.reversed }
      let y = inner.y + 1 + offset
      grid.write(line, x: inner.x, y: y, style: style, maxWidth: inner.width)
    }
    // The selected trial's verdict or note on the last row.
    if let trial = rows.first(where: { $0.id == selectedID }) ?? snapshot.best, inner.height >= 3 {
      let detail = "#\(trial.id): " + (trial.verdict ?? trial.note ?? trial.status.rawValue)
      let role: ThemeRole =
        trial.verdict?.hasPrefix("diverg") == true || trial.status == .failed ? .bad : .inactive
      grid.write(
        detail, x: inner.x, y: inner.maxY - 1, style: theme.style(role), maxWidth: inner.width)
    }
  }

  private func statusRole(_ status: TrialStatus) -> ThemeRole {
    switch status {
    case .running: .train
    case .done: .mainForeground
    case .pruned, .queued, .stopped: .inactive
    case .failed: .bad
    }
  }

  private func renderCurves(_ snapshot: SearchSnapshot, into grid: inout CellGrid, area: Rect) {
    let colors: [ThemeRole] = [.comparison1, .comparison2, .comparison3, .comparison4, .train]
    var series: [ChartSeries] = []
    let best = snapshot.best
    if let best {
      series.append(
        ChartSeries(
          name: "best #\(best.id)", points: points(best), color: .bestMark, stroke: .solid,
          marked: true))
    }
    let running = snapshot.trials.filter { $0.status == .running && $0.id != best?.id }
    for (index, trial) in running.prefix(4).enumerated() {
      series.append(
        ChartSeries(
          name: "#\(trial.id)", points: points(trial), color: colors[index % colors.count]))
    }
    if let selected = snapshot.trials.first(where: { $0.id == selectedID }),
      selected.id != best?.id,
      !running.contains(where: { $0.id == selected.id })
    {
      series.append(
        ChartSeries(
          name: "#\(selected.id)", points: points(selected), color: .validation, stroke: .dotted))
    }
    var chart = LineChart(series: series, logScale: true)
    chart.emptyText = "waiting for the first epoch"
    Box(key: "2", title: "val_loss: running and best", legend: chart.legend(theme: theme))
      .render(into: &grid, area: area, theme: theme)
    chart.render(into: &grid, area: Box.inner(area), theme: theme)
  }

  private func points(_ trial: TrialSummary) -> [ChartPoint] {
    trial.epochs.compactMap { record in
      record.validationLoss.map { ChartPoint(x: Double(record.epoch), y: $0) }
    }
  }

  private func renderScatters(_ snapshot: SearchSnapshot, into grid: inout CellGrid, area: Rect) {
    let parameters = Array(snapshot.space.parameters.prefix(4))
    guard !parameters.isEmpty, area.height >= 4 else { return }
    let width = area.width / parameters.count
    let bestID = snapshot.best?.id
    let current = snapshot.roundSpaces.last ?? snapshot.space
    for (index, parameter) in parameters.enumerated() {
      let box = Rect(
        x: area.x + index * width, y: area.y,
        width: index == parameters.count - 1 ? area.width - index * width : width,
        height: area.height)
      var choices: [String] = []
      if case .choices(let values) = parameter.domain { choices = values }
      func x(_ value: ParameterValue) -> Double? {
        switch value {
        case .number(let number): number
        case .choice(let text): choices.firstIndex(of: text).map(Double.init)
        }
      }
      var finished: [ChartPoint] = []
      var others: [ChartPoint] = []
      var best: [ChartPoint] = []
      for trial in snapshot.trials {
        guard let loss = trial.validationLoss, let value = x(trial.values[index]) else { continue }
        let point = ChartPoint(x: value, y: loss)
        if trial.id == bestID {
          best.append(point)
        } else if trial.status == .done || trial.status == .stopped {
          finished.append(point)
        } else {
          others.append(point)
        }
      }
      var chart = XYChart(
        layers: [
          XYChart.Layer(points: others, color: .inactive, joined: false),
          XYChart.Layer(points: finished, color: .validation, joined: false),
          XYChart.Layer(points: best, color: .bestMark, joined: false, marker: "*"),
        ],
        logX: parameter.domain.isLogarithmic, logY: true)
      let title = "val_loss vs \(parameter.name)"
      switch (
        parameter.domain, current.parameters.first(where: { $0.name == parameter.name })?.domain
      ) {
      case (.logUniform(let range), .logUniform(let now)?),
        (.uniform(let range), .uniform(let now)?):
        chart.xRange = range
        if now != range {
          chart.marks = [
            XYChart.Mark(x: now.lowerBound, label: "", color: .changeMark),
            XYChart.Mark(x: now.upperBound, label: "", color: .changeMark),
          ]
        }
      case (.choices(let values), _):
        chart.xRange = -0.5...(Double(values.count) - 0.5)
        chart.categories = values
      default:
        break
      }
      chart.emptyText = "no val_loss yet"
      let legend = parameter.domain.isLogarithmic ? [Span("log", theme.style(.inactive))] : []
      Box(title: title, legend: legend).render(into: &grid, area: box, theme: theme)
      chart.render(into: &grid, area: Box.inner(box), theme: theme)
    }
  }

  private func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
    let count = text.count
    guard count < width else { return String(text.prefix(width)) }
    let fill = String(repeating: " ", count: width - count)
    return right ? fill + text : text + fill
  }
}
