/// Where a per-step value sits on the x axes other than its step, each when the source records it.
///
/// Hugging Face logs the epoch as a fraction (`"epoch": 0.35` is 35% into the first epoch);
/// TensorBoard, MLflow, W&B and trackio record a wall time per point; a `trainer_state.json`
/// entry has none, so its steps cannot be placed in time.
package struct StepStamp: Sendable, Equatable {
  /// The epoch as a fraction of training done, as the source logs it; nil when it logs none.
  package var epoch: Double?
  /// Seconds on the source's clock: Unix time for foreign logs, seconds since the start for a
  /// run dltop trains; nil when the source records none.
  package var wallTime: Double?

  package init(epoch: Double? = nil, wallTime: Double? = nil) {
    self.epoch = epoch
    self.wallTime = wallTime
  }
}

/// Where an epoch ended: the global step and the wall time at which its epoch-level values were
/// logged, each when the source says. Charts use it to place epoch values on a step or time axis
/// and per-step values on the epoch axis.
package struct EpochEnd: Sendable, Equatable {
  package var epoch: Int
  package var step: Int?
  package var wallTime: Double?

  package init(epoch: Int, step: Int?, wallTime: Double?) {
    self.epoch = epoch
    self.step = step
    self.wallTime = wallTime
  }

  /// `self` with the other's step and time where this one has none (one epoch seen by two files).
  package func filled(from other: EpochEnd) -> EpochEnd {
    EpochEnd(epoch: epoch, step: step ?? other.step, wallTime: wallTime ?? other.wallTime)
  }
}
