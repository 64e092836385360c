/// Where a run is: epoch, batch and speed, for the status line.
package struct TrainingProgress: Sendable, Equatable {
  /// The epoch in progress, counted from 1 (0 before the first batch).
  package var epoch: Int = 0
  /// The planned number of epochs, when known.
  package var totalEpochs: Int?
  /// Batches finished in the current epoch.
  package var batch: Int = 0
  package var batchesPerEpoch: Int?
  /// Batches finished since the start of the run.
  package var globalStep: Int = 0
  package var samplesPerSecond: Double?
  package var elapsedSeconds: Double = 0
  package var etaSeconds: Double?

  package init() {}
}
