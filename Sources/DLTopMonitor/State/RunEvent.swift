/// One line of the event log: schedule steps, key actions, early stop, snapshots written.
package struct RunEvent: Sendable, Equatable {
  package enum Kind: String, Sendable, Equatable {
    case info, schedule, key
    case earlyStop = "early_stop"
    case snapshot, warning, error, verdict
  }
  /// Seconds since the run started.
  package var elapsedSeconds: Double
  package var epoch: Int?
  package var kind: Kind
  package var text: String

  package init(elapsedSeconds: Double, epoch: Int?, kind: Kind, text: String) {
    self.elapsedSeconds = elapsedSeconds
    self.epoch = epoch
    self.kind = kind
    self.text = text
  }
}

/// A change of the learning rate that did not come from the planned schedule, or a schedule step.
package struct LearningRateChange: Sendable, Equatable {
  package enum Cause: String, Sendable, Equatable { case key, plateau, schedule, command }
  /// The global batch step at which it took effect.
  package var step: Int
  package var epoch: Int
  package var from: Double
  package var to: Double
  package var cause: Cause

  package init(step: Int, epoch: Int, from: Double, to: Double, cause: Cause) {
    self.step = step
    self.epoch = epoch
    self.from = from
    self.to = to
    self.cause = cause
  }
}
