import DLTopMonitor

extension TrainingLoop {
  /// Says at once that a run-log write failed (disk full…): an event in the dashboard and a line on
  /// the headless output. Training goes on; the lines are retried at the next write.
  func reportRunLogFailure(_ error: RunLogError, writing what: String) {
    let text = "run log: \(what) not written: \(error.message) (training goes on; retried at the next write)"
    observer.message("warning: \(text)")
    recordEvent(.warning, text)
  }

  /// The outcome's failure when the run log did not get every line, so the exit status says so.
  func runLogFailureAtEnd(closeError: RunLogError?) -> String? {
    guard let runLog, closeError != nil || !runLog.isComplete else { return nil }
    let reason = closeError.map { ": \($0.message)" } ?? ""
    return "the run log \(runLog.logPath) is incomplete after \(runLog.failedWrites) failed write(s)\(reason); "
      + "the epochs shown above are the run's true history"
  }
}
