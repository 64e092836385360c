/// The early-stopping policy's state, as the status line shows it (`patience k/P`).
package struct EarlyStoppingStatus: Sendable, Equatable {
  package var enabled: Bool
  /// The monitored metric, e.g. `val_loss`.
  package var monitor: String
  package var patience: Int
  /// Epochs since the last improvement (Keras's `wait`).
  package var wait: Int
  package var bestEpoch: Int?
  package var bestValue: Double?
  /// The epoch where it fired (or would have fired, for a watched run), if it did.
  package var stoppedEpoch: Int?

  package init(
    enabled: Bool, monitor: String, patience: Int, wait: Int = 0, bestEpoch: Int? = nil,
    bestValue: Double? = nil, stoppedEpoch: Int? = nil
  ) {
    self.enabled = enabled
    self.monitor = monitor
    self.patience = patience
    self.wait = wait
    self.bestEpoch = bestEpoch
    self.bestValue = bestValue
    self.stoppedEpoch = stoppedEpoch
  }
}
