/// A request from the dashboard (or a policy) to the training loop, applied between batches.
package enum EngineCommand: Sendable, Equatable {
  case pause
  case resume
  /// Stop after the current batch; `reason` goes into the run's status and log.
  case stop(reason: String)
  /// Multiply the current learning rate by a factor (keys `]`/`[`).
  case scaleLearningRate(by: Double)
  /// Turn early stopping on or off (key `e`).
  case setEarlyStopping(enabled: Bool)
  /// Run the learning-rate range test from the current weights (key `L`, while paused).
  case findLearningRate
  /// The answer to "use the range test's suggestion?" (`y` / `n`).
  case answerRangeTest(accept: Bool)
  /// Show another run of a watched folder (the run picker); index into the session's run list.
  /// Our own engine has a single run and ignores it.
  case selectRun(index: Int)
}
