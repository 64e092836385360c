/// Mouse clicks, where the terminal reports them (btop and htop habits): a click on a panel
/// zooms it, a click on a zoomed panel goes back; in the run picker a click highlights a run and a
/// second click on it toggles its overlay. The hit-testing uses the same pure layout functions as
/// drawing, at the size of the last frame.
extension Dashboard {
  func handleClick(x: Int, y: Int) -> [DashboardEffect] {
    guard let size = renderedSize else { return [] }
    if state.runPickerVisible { return clickInRunPicker(x: x, y: y, size: size) }
    guard !state.testResultsVisible, !state.comparisonVisible, !state.helpVisible else {
      return []
    }
    guard let panel = Self.panel(at: x, y, size: size, zoom: state.zoom) else { return [] }
    if state.zoom != nil { return handle(.unzoom) }
    // The events panel shares key 5 with the diagnosis.
    guard let number = panel == .events ? 5 : panel.zoomKey.flatMap(Int.init) else { return [] }
    return handle(.zoom(number))
  }

  /// The panel drawn at (`x`, `y`) in a frame of `size`, if any.
  nonisolated static func panel(
    at x: Int, _ y: Int, size: (width: Int, height: Int), zoom: Int?
  ) -> PanelID? {
    DashboardLayout.compute(size: size, zoom: zoom)
      .first { $0.value.contains(x: x, y: y) && $0.key != .status && $0.key != .footer }?.key
  }

  private func clickInRunPicker(x: Int, y: Int, size: (width: Int, height: Int))
    -> [DashboardEffect]
  {
    let list = RunList(snapshot: snapshot, overlay: state.runOverlay)
    let highlighted = list.highlighted(state.runPickerSelection)
    let picker = Self.runPicker(list: list, state: state)
    guard let position = picker.position(at: x, y, in: Self.runPickerArea(size)) else { return [] }
    if position == highlighted { return handleRunPicker(key: .char(" ")) }
    state.runPickerSelection = list.entries[position].name
    changed()
    return []
  }

  /// The run picker as the view state has it (drawn and hit-tested alike).
  nonisolated static func runPicker(list: RunList, state: DashboardState) -> RunPickerOverlay {
    var picker = RunPickerOverlay(
      list: list, highlighted: list.highlighted(state.runPickerSelection),
      order: list.pickerOrder(sort: state.runSort, filter: state.runFilter))
    picker.sort = state.runSort
    picker.filter = state.runFilter
    picker.editingFilter = state.runFilterEditing
    return picker
  }

  /// Where the run picker is centred: the screen above the footer.
  nonisolated static func runPickerArea(_ size: (width: Int, height: Int)) -> Rect {
    Rect(x: 0, y: 0, width: size.width, height: max(1, size.height - 1))
  }
}
