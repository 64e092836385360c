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
  /// overlay, `a` overlays every listed run and `n` none, `o` cycles the order (name, best loss,
  /// epochs), `/` types a filter (Enter keeps it, Esc clears it), Enter makes the highlighted
  /// run the main run, Esc or `r` close. Quit, redraw and suspend still work; other keys are
  /// ignored.
  ///
  /// Enter sends `.selectRun(index:)` with the run's position in `RunList`'s name order (the
  /// order in which `dltop watch` lists the runs of a folder), whatever order the picker shows.
  func handleRunPicker(key: Key) -> [DashboardEffect] {
    let list = RunList(snapshot: snapshot, overlay: state.runOverlay)
    guard !list.entries.isEmpty else {
      closeRunPicker()
      return []
    }
    if state.runFilterEditing { return editRunFilter(key: key) }
    let order = list.pickerOrder(sort: state.runSort, filter: state.runFilter)
    let highlighted = list.highlighted(state.runPickerSelection)
    let row = order.firstIndex(of: highlighted)
    switch key {
    case .up, .char("k"):
      guard !order.isEmpty else { break }
      state.runPickerSelection = list.entries[order[max(0, (row ?? 0) - 1)]].name
    case .down, .char("j"):
      guard !order.isEmpty else { break }
      state.runPickerSelection = list.entries[order[min(order.count - 1, (row ?? -1) + 1)]].name
    case .char(" "):
      guard row != nil else { break }
      let entry = list.entries[highlighted]
      if entry.isMain {
        show(message: "the main run is always drawn; Enter on another run switches to it")
        return []
      }
      state.runOverlay[entry.name] = !entry.visible
    case .char("a"), .char("n"):
      let visible = key == .char("a")
      for position in order where !list.entries[position].isMain {
        state.runOverlay[list.entries[position].name] = visible
      }
      show(message: visible ? "overlaying \(order.count) runs" : "no run overlaid")
      return []
    case .char("o"):
      state.runSort = state.runSort.next
      show(message: "runs sorted by " + Self.sortLabel(state.runSort))
      return []
    case .char("/"):
      state.runFilterEditing = true
    case .char("\n"), .char("\r"):
      guard row != nil else { break }
      let entry = list.entries[highlighted]
      closeRunPicker()
      if entry.isMain {
        show(message: entry.name + " is already the main run")
        return []
      }
      show(message: "switching to " + entry.name)
      return [.send(.selectRun(index: highlighted))]
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

  /// What the picker's title and messages call an order.
  nonisolated static func sortLabel(_ sort: RunList.Sort) -> String {
    switch sort {
    case .name: "name"
    case .metric: "best loss"
    case .progress: "epochs"
    case .recency: "last change"
    }
  }

  /// Typing into the filter: characters append, Backspace deletes, Enter keeps the filter,
  /// Esc clears it; the highlight moves to the first run that matches.
  private func editRunFilter(key: Key) -> [DashboardEffect] {
    switch key {
    case .char("\n"), .char("\r"):
      state.runFilterEditing = false
    case .escape:
      state.runFilterEditing = false
      state.runFilter = ""
    case .char("\u{7F}"), .control("h"):
      if !state.runFilter.isEmpty { state.runFilter.removeLast() }
    case .char(let character) where !character.isNewline:
      state.runFilter.append(character)
    default:
      return []
    }
    let list = RunList(snapshot: snapshot, overlay: state.runOverlay)
    let order = list.pickerOrder(sort: state.runSort, filter: state.runFilter)
    if let first = order.first, !order.contains(list.highlighted(state.runPickerSelection)) {
      state.runPickerSelection = list.entries[first].name
    }
    changed()
    return []
  }

  private func closeRunPicker() {
    state.runPickerVisible = false
    state.runPickerSelection = nil
    state.runFilterEditing = false
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
