import DLTopMonitor

/// The test-results view: `t` opens and closes it, and it opens by itself once when the run
/// finishes with test results (the moment the practitioner wants them).
extension Dashboard {
  /// What `t` says before the test split has been evaluated.
  package static let noTestResultsMessage =
    "no test results yet: the test split is evaluated once, when training ends"

  func toggleTestResults() {
    if state.testResultsVisible {
      state.testResultsVisible = false
    } else if snapshot.test == nil {
      show(message: Self.noTestResultsMessage)
      return
    } else {
      state.helpVisible = false
      state.testResultsVisible = true
    }
    changed()
  }

  /// Opens the view the first time a snapshot carries test results (see `init`).
  func noteTestResults() {
    guard snapshot.test != nil, !state.testResultsAnnounced else { return }
    state.testResultsAnnounced = true
    state.testResultsVisible = true
    state.helpVisible = false
    changed()
  }

  /// Keys while the view is open: any key closes it; quit, redraw and suspend also do their job.
  func handleTestResults(key: Key) -> [DashboardEffect] {
    state.testResultsVisible = false
    changed()
    if let action = Keymap.action(for: key),
      action == .quit || action == .redraw || action == .suspend
    {
      return handle(action)
    }
    return []
  }
}
