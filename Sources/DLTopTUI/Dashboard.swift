import DLTopMonitor

/// The dashboard's state machine and frame renderer.
///
/// It owns the view state (zoom, help, scales, the message line, the quit question), turns keys
/// into effects with `handle(key:)` / `handle(_:)`, and draws whole frames into a `CellGrid`
/// with `render(snapshot:size:)`. It never touches the terminal or the engine: the run loop
/// (`DashboardApp`) sends its effects on.
@MainActor
package final class Dashboard {
  package internal(set) var state = DashboardState()
  package var theme: Theme
  /// The snapshot of the last frame; keys are judged against it (pause or resume?).
  package private(set) var snapshot: TrainingSnapshot
  /// Bumped whenever the view state changes, so the run loop knows to redraw.
  package private(set) var generation: UInt64 = 0
  /// Seconds on a monotonic clock (injected for tests).
  private let clock: @MainActor () -> Double
  /// How long a message stays in the footer.
  package var messageSeconds = 4.0
  /// The size of the last frame drawn: where a click lands.
  package internal(set) var renderedSize: (width: Int, height: Int)?

  package init(
    snapshot: TrainingSnapshot, theme: Theme = .standard,
    clock: @escaping @MainActor () -> Double = Dashboard.monotonicSeconds
  ) {
    self.snapshot = snapshot
    self.theme = theme
    self.clock = clock
    // The test view opens by itself when a run finishes under the user's eyes, not for a run
    // that had finished before the dashboard opened (`t` shows it then).
    state.testResultsAnnounced = snapshot.test != nil
    if let first = theme.loadWarnings.first {
      let more = theme.loadWarnings.count > 1 ? " (+\(theme.loadWarnings.count - 1) more)" : ""
      show(message: "theme warning: \(first)\(more)", seconds: Self.themeWarningSeconds)
    }
  }

  /// How long the theme file's warning stays in the footer when the dashboard opens.
  static let themeWarningSeconds = 15.0

  /// Seconds since an arbitrary start, from `ContinuousClock`.
  package static func monotonicSeconds() -> Double {
    let now = ContinuousClock.now - DashboardClock.start
    return (now / .seconds(1))
  }

  /// Why the control keys do nothing for this run, if they don't.
  package var controlRefusal: String? {
    if !snapshot.run.controllable {
      return "watching an external run: dltop cannot pause or steer it"
    }
    if !snapshot.status.isLive {
      return "training has ended (\(snapshot.status.label.lowercased())): nothing to control"
    }
    return nil
  }

  /// Whether quitting should ask first: our own training is still running.
  package var quitNeedsConfirmation: Bool {
    guard snapshot.run.controllable else { return false }
    switch snapshot.status {
    case .starting, .running, .paused: return true
    default: return false
    }
  }

  /// Updates the snapshot without drawing (the run loop does this before handling keys).
  package func update(snapshot: TrainingSnapshot) {
    let previous = self.snapshot.status
    self.snapshot = snapshot
    clearAnsweredMessage(previous: previous)
    noteTestResults()
  }

  /// "pausing after this batch" and "resuming" describe a wait: once the status line shows the
  /// state they announced, the footer drops them.
  private func clearAnsweredMessage(previous: RunStatus) {
    guard let message = state.message, !state.quitPending, snapshot.status != previous else {
      return
    }
    if (message == Self.pausingMessage && snapshot.status == .paused)
      || (message == Self.resumingMessage && snapshot.status != .paused)
    {
      state.message = nil
      changed()
    }
  }

  static let pausingMessage = "pausing after this batch"
  static let resumingMessage = "resuming"

  /// Shows `text` in the footer for a few seconds (`messageSeconds` unless given).
  package func show(message text: String, seconds: Double? = nil) {
    state.message = text
    state.messageExpiry = clock() + (seconds ?? messageSeconds)
    changed()
  }

  /// Clears an expired message. Call once per loop turn.
  /// - Returns: whether the view changed.
  @discardableResult
  package func tick() -> Bool {
    guard state.message != nil, !state.quitPending, clock() >= state.messageExpiry else {
      return false
    }
    state.message = nil
    changed()
    return true
  }

  /// Handles one key: the quit question first, then help, then the keymap.
  package func handle(key: Key) -> [DashboardEffect] {
    // A resize is not an answer: it keeps the quit question and the help open.
    if key == .resize { return handle(.resize) }
    if state.quitPending {
      state.quitPending = false
      if key == .char("q") || key == .char("y") || key == .char("Y") || key == .function(10) {
        return [.quit]
      }
      state.message = nil
      show(message: "quit cancelled")
      return []
    }
    if snapshot.rangeTest?.phase == .asking { return handleRangeTestAnswer(key: key) }
    if case .click(let x, let y) = key { return handleClick(x: x, y: y) }
    if state.runPickerVisible { return handleRunPicker(key: key) }
    if state.testResultsVisible { return handleTestResults(key: key) }
    if state.comparisonVisible { return handleRunComparison(key: key) }
    if state.helpVisible {
      state.helpVisible = false
      changed()
      if let action = Keymap.action(for: key),
        action == .quit || action == .redraw || action == .suspend
      {
        return handle(action)
      }
      return []
    }
    guard let action = Keymap.action(for: key) else { return [] }
    return handle(action)
  }

  /// The weights `M` steps through, as TensorBoard's smoothing slider is usually set.
  package static let smoothingWeights: [Double] = [0.6, 0.8, 0.9, 0.95, 0.99]

  /// The weight after `weight` in `smoothingWeights`; after the last, nil (the defaults).
  static func nextSmoothingWeight(after weight: Double?) -> Double? {
    guard let weight else { return smoothingWeights.first }
    guard let index = smoothingWeights.firstIndex(of: weight), index + 1 < smoothingWeights.count
    else { return nil }
    return smoothingWeights[index + 1]
  }

  /// Applies one action.
  package func handle(_ action: Action) -> [DashboardEffect] {
    if action.controlsTraining, let refusal = controlRefusal {
      show(message: refusal)
      return []
    }
    switch action {
    case .togglePause:
      let paused = snapshot.status == .paused
      show(message: paused ? Self.resumingMessage : Self.pausingMessage)
      return [.send(paused ? .resume : .pause)]
    case .raiseLearningRate, .lowerLearningRate:
      let up = action == .raiseLearningRate
      let factor = up ? Keymap.learningRateFactor : 1 / Keymap.learningRateFactor
      let current =
        snapshot.learningRate.map {
          " (" + NumberFormat.rate($0) + " → " + NumberFormat.rate($0 * factor) + ")"
        } ?? ""
      show(message: "learning rate " + (up ? "×" : "÷") + Keymap.factorLabel + current)
      return [.send(.scaleLearningRate(by: factor))]
    case .toggleEarlyStopping:
      let enable = !(snapshot.earlyStopping?.enabled ?? false)
      show(message: "early stopping " + (enable ? "on" : "off"))
      return [.send(.setEarlyStopping(enabled: enable))]
    case .findLearningRate:
      return findLearningRate()
    case .zoom(let number):
      state.zoom = state.zoom == number ? nil : number
      state.historySpan = nil
      state.historyOffset = 0
    case .unzoom:
      state.zoom = nil
      state.historySpan = nil
      state.historyOffset = 0
    case .toggleLogScale:
      state.logScale.toggle()
    case .toggleSmoothing:
      state.smoothing.toggle()
    case .cycleSmoothingWeight:
      state.smoothing = true
      state.smoothingWeight = Self.nextSmoothingWeight(after: state.smoothingWeight)
      show(
        message: "smoothing weight "
          + (state.smoothingWeight.map { String(format: "%g", $0) }
            ?? "default (0.6 epochs, 0.9 steps)"))
    case .cycleXAxis:
      cycleXAxis()
      return []
    case .toggleConfusionValues:
      state.confusionValues = state.confusionValues == .counts ? .rates : .counts
    case .snapshot:
      return [.requestSnapshot]
    case .toggleHelp:
      state.helpVisible.toggle()
    case .toggleRunPicker:
      openRunPicker()
      return []
    case .cycleMetric:
      cycleMetric()
      return []
    case .toggleTestResults:
      toggleTestResults()
      return []
    case .toggleRunComparison:
      toggleRunComparison()
      return []
    case .quit:
      guard quitNeedsConfirmation else { return [.quit] }
      state.quitPending = true
      let what = snapshot.status == .paused ? "training is paused" : "training is running"
      state.message = what + ": press q or y to quit and stop it, any other key cancels"
      state.messageExpiry = .infinity
    case .redraw:
      changed()
      return [.redraw]
    case .suspend:
      return [.suspend]
    case .scrollLeft, .scrollRight, .scrollUp, .scrollDown:
      scroll(action)
    case .resize:
      break
    }
    changed()
    return []
  }

  private func scroll(_ action: Action) {
    let chartZoomed = state.zoom.map { (1...3).contains($0) } ?? false
    let epochs = max(1, snapshot.epochs.count)
    switch action {
    case .scrollLeft where chartZoomed:
      state.historyOffset = min(
        epochs - 1, state.historyOffset + max(1, (state.historySpan ?? epochs) / 4))
    case .scrollRight where chartZoomed:
      state.historyOffset = max(0, state.historyOffset - max(1, (state.historySpan ?? epochs) / 4))
    case .scrollUp where chartZoomed:
      state.historySpan = max(2, (state.historySpan ?? epochs) / 2)
    case .scrollDown where chartZoomed:
      let wider = (state.historySpan ?? epochs) * 2
      state.historySpan = wider >= epochs ? nil : wider
    case .scrollLeft, .scrollRight:
      let confusions = snapshot.confusions
      guard let shown = ConfusionPanel.index(in: snapshot, epoch: state.confusionEpoch) else {
        break
      }
      let target = action == .scrollLeft ? max(0, shown - 1) : shown + 1
      state.confusionEpoch = target >= confusions.count - 1 ? nil : confusions[target].epoch
    default:
      break
    }
  }

  func changed() { generation &+= 1 }
}

/// The start of the dashboard's monotonic clock.
private enum DashboardClock {
  static let start = ContinuousClock.now
}
