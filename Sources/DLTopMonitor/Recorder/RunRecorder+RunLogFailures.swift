extension RunRecorder {
  /// Reports a failed run-log write at once: to `onRunLogFailure` (the headless output) and as a
  /// warning event (the dashboard), which is not written to the log that just failed. The run goes
  /// on; the writer keeps the lines and retries them at its next write.
  func runLogFailed(_ error: RunLogError, writing what: String) {
    let text =
      "run log: \(what) not written: \(error.message) (training goes on; retried at the next write)"
    onRunLogFailure?(text)
    let event = RunEvent(
      elapsedSeconds: max(elapsed(), lastElapsed), epoch: eventEpoch, kind: .warning, text: text)
    events.append(event)
    snapshot.events = events.elements
    publish()
  }

  /// Why the run log ended incomplete, or nil when every line reached the file.
  static func incompleteLog(_ runLog: RunLogWriter, closeError: RunLogError?) -> String? {
    guard closeError != nil || !runLog.isComplete else { return nil }
    let reason = closeError.map { ": \($0.message)" } ?? ""
    return
      "the run log \(runLog.logPath) is incomplete after \(runLog.failedWrites) failed write(s)\(reason); "
      + "the epochs shown are the run's true history"
  }
}
