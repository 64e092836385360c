import DLTopMonitor

/// The run picker (`r`) and the metric choice for panel 2 (`v`): what `dltop watch` needs on top
/// of the dashboard for dltop's own runs.
extension Dashboard {
  /// What `r` says when there is nothing to pick from.
  package static let noOtherRunsMessage =
    "no other runs to compare (dltop watch FOLDER lists the runs it finds)"

  /// Opens the picker with the main run highlighted, or says why there is nothing to pick.
  func openRunPicker() {
    guard !snapshot.comparisonRuns.isEmpty else {
      show(message: Self.noOtherRunsMessage)
      return
    }
    state.helpVisible = false
    state.runPickerVisible = true
    state.runPickerSelection = snapshot.run.name
    changed()
  }

  /// Keys while the picker is open: ↑/↓ (or k/j) move, space toggles the highlighted run's
  /// overlay, Enter makes it the main run, Esc or `r` close. Quit, redraw and suspend still work;
  /// other keys are ignored.
  ///
  /// Enter sends `.selectRun(index:)` with the run's position in the picker's order, which is
  /// `RunList`'s: every run (the main one and the comparison runs) sorted by name, the order in
  /// which `dltop watch` lists the runs of a folder.
  func handleRunPicker(key: Key) -> [DashboardEffect] {
    let list = RunList(snapshot: snapshot, overlay: state.runOverlay)
    guard !list.entries.isEmpty else {
      closeRunPicker()
      return []
    }
    let position = list.highlighted(state.runPickerSelection)
    let entry = list.entries[position]
    switch key {
    case .up, .char("k"):
      state.runPickerSelection = list.entries[max(0, position - 1)].name
    case .down, .char("j"):
      state.runPickerSelection = list.entries[min(list.entries.count - 1, position + 1)].name
    case .char(" "):
      if entry.isMain {
        show(message: "the main run is always drawn; Enter on another run switches to it")
        return []
      }
      state.runOverlay[entry.name] = !entry.visible
    case .char("\n"), .char("\r"):
      closeRunPicker()
      if entry.isMain {
        show(message: entry.name + " is already the main run")
        return []
      }
      show(message: "switching to " + entry.name)
      return [.send(.selectRun(index: position))]
    case .escape, .char("r"):
      closeRunPicker()
      return []
    default:
      guard let action = Keymap.action(for: key),
        action == .quit || action == .redraw || action == .suspend
      else { return [] }
      if action == .quit { closeRunPicker() }
      return handle(action)
    }
    changed()
    return []
  }

  private func closeRunPicker() {
    state.runPickerVisible = false
    state.runPickerSelection = nil
    changed()
  }

  /// Shows the next metric in panel 2 (`MetricPanel.metricChoices`), wrapping to the main one.
  func cycleMetric() {
    let choices = MetricPanel.metricChoices(in: snapshot)
    guard choices.count > 1 else {
      show(message: "no other metrics: this run logs no unmapped scalars")
      return
    }
    let current = MetricPanel.shownMetric(in: snapshot, chosen: state.chosenMetric)
    let next = ((choices.firstIndex(of: current) ?? 0) + 1) % choices.count
    state.chosenMetric = next == 0 ? nil : choices[next]
    show(message: "panel 2 shows " + choices[next])
  }
}
