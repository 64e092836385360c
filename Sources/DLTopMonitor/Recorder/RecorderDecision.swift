/// What the recorder decided after one epoch. The trainer adapter acts on it; a followed or
/// replayed log only reports it (dltop cannot steer a foreign process).
package struct EpochDecision: Sendable, Equatable {
  /// Stop the run after this epoch, and why (early stopping fired).
  package var stop: StopDecision?
  /// This epoch became the best by the monitored metric and its weights should be kept, to be
  /// restored when early stopping fires (`restore_best_weights`).
  package var keepBestWeights = false
  /// Verdicts raised at this epoch, each announced once per run.
  package var announcements: [Verdict] = []
  /// The verdict timeline's change at this epoch, if any.
  package var change: VerdictChange?

  package init() {}
}

/// Early stopping fired.
package struct StopDecision: Sendable, Equatable {
  /// For the event log and the run's status, e.g. "early stopping: no improvement of val_loss…".
  package var reason: String
  /// The epoch whose weights to restore, when the policy restores the best weights.
  package var restoreEpoch: Int?
}
