import DLTopMonitor

extension Dashboard {
  /// Draws a whole frame for `snapshot` at `size` (and remembers the snapshot for keys).
  package func render(snapshot: TrainingSnapshot, size: (width: Int, height: Int)) -> CellGrid {
    update(snapshot: snapshot)
    renderedSize = size
    return Dashboard.frame(snapshot: snapshot, state: state, theme: theme, size: size)
  }

  /// The pure frame function: snapshot + view state + theme + size → cells.
  package nonisolated static func frame(
    snapshot: TrainingSnapshot, state: DashboardState, theme: Theme, size: (width: Int, height: Int)
  ) -> CellGrid {
    let background = Cell(
      " ",
      style: Style(
        foreground: theme.color(.mainForeground), background: theme.colors[.mainBackground]))
    var grid = CellGrid(width: size.width, height: size.height, fill: background)
    let panels = DashboardLayout.compute(size: size, zoom: state.zoom)
    guard !panels.isEmpty else {
      CenteredMessage.tooSmall(
        need: (DashboardLayout.minimumWidth, DashboardLayout.minimumHeight), have: size
      ).render(into: &grid, area: grid.bounds, theme: theme)
      return grid
    }
    for (id, area) in panels.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
      let context = PanelContext(
        snapshot: snapshot, state: state, theme: theme, zoomed: state.zoom != nil)
      switch id {
      case .status:
        StatusLine(snapshot: snapshot).render(into: &grid, area: area, theme: theme)
      case .loss:
        MetricPanel(
          id: .loss, metric: MetricName.loss.rawValue, batches: snapshot.batchLoss,
          allowsLogScale: true
        )
        .render(into: &grid, area: area, context: context)
      case .accuracy:
        let metric = MetricPanel.shownMetric(in: snapshot, chosen: state.chosenMetric)
        let batches = metric == MetricName.accuracy.rawValue ? snapshot.batchAccuracy : nil
        MetricPanel(id: .accuracy, metric: metric, batches: batches, allowsLogScale: false)
          .render(into: &grid, area: area, context: context)
      case .learningRate:
        LearningRatePanel().render(into: &grid, area: area, context: context)
      case .confusion:
        ConfusionPanel().render(into: &grid, area: area, context: context)
      case .diagnosis:
        DiagnosisPanel().render(into: &grid, area: area, context: context)
      case .events:
        EventsPanel().render(into: &grid, area: area, context: context)
      case .footer:
        var footer = FooterPanel(message: state.message, controllable: snapshot.run.controllable)
        footer.hasOtherRuns = !snapshot.comparisonRuns.isEmpty
        footer.hasOtherMetrics = MetricPanel.metricChoices(in: snapshot).count > 1
        footer.hasTestResults = snapshot.test != nil
        footer.offersRangeTest = snapshot.status == .paused && snapshot.rangeTest == nil
        footer.render(into: &grid, area: area, theme: theme)
      }
    }
    if state.runPickerVisible {
      let list = RunList(snapshot: snapshot, overlay: state.runOverlay)
      let picker = Dashboard.runPicker(list: list, state: state)
      // The footer stays visible: it answers the picker's keys (a, n, o).
      picker.render(into: &grid, area: Dashboard.runPickerArea(size), theme: theme)
    }
    if state.comparisonVisible, !snapshot.comparisonRuns.isEmpty {
      let list = RunList(snapshot: snapshot, overlay: state.runOverlay)
      RunComparisonOverlay(
        comparison: RunComparison(snapshot: snapshot),
        sortColumn: state.comparisonSortColumn ?? 0, descending: state.comparisonDescending,
        scroll: state.comparisonScroll, shortName: { list.shortName($0) }
      )
      .render(
        into: &grid, area: Rect(x: 0, y: 2, width: size.width, height: size.height - 3),
        theme: theme)
    }
    if state.testResultsVisible, let results = snapshot.test {
      TestResultsOverlay(
        results: results, classNames: snapshot.run.classNames, values: state.confusionValues
      )
      .render(
        into: &grid, area: Rect(x: 0, y: 2, width: size.width, height: size.height - 3),
        theme: theme)
    }
    if let test = snapshot.rangeTest {
      RangeTestOverlay(state: test).render(
        into: &grid, area: Rect(x: 0, y: 2, width: size.width, height: size.height - 3),
        theme: theme)
    }
    if state.helpVisible {
      var notes: [String] = []
      if !snapshot.run.controllable {
        notes.append("watching an external run: dltop cannot pause or steer it")
      }
      notes.append("source: " + snapshot.run.source)
      HelpOverlay(notes: notes).render(into: &grid, area: grid.bounds, theme: theme)
    }
    return grid
  }
}
