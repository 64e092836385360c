/// Where a run is in its life.
package enum RunStatus: Sendable, Equatable {
  /// Loading data or building the model.
  case starting
  case running
  case paused
  /// Training ended on its own: all epochs run, or early stopping fired (`reason` says which).
  case finished(reason: String)
  /// The user or a policy stopped it before the planned end.
  case stopped(reason: String)
  /// The loss became NaN/Inf or exploded at this epoch; a diagnosis, not a crash.
  case diverged(epoch: Int)
  /// Something outside training failed (for example a data file vanished).
  case failed(message: String)
  /// Following a log written by another process (`dltop watch`).
  case watching

  /// A short word for the status line.
  package var label: String {
    switch self {
    case .starting: "STARTING"
    case .running: "RUNNING"
    case .paused: "PAUSED"
    case .finished: "FINISHED"
    case .stopped: "STOPPED"
    case .diverged: "DIVERGED"
    case .failed: "FAILED"
    case .watching: "WATCHING"
    }
  }

  /// Whether the run can still change (training or being followed).
  package var isLive: Bool {
    switch self {
    case .starting, .running, .paused, .watching: true
    default: false
    }
  }
}
