/// Everything the dashboard, the headless printer and snapshot export need about a run, as one
/// immutable value. The engine side (or a watcher) updates it under `EngineLink`'s lock; readers copy
/// it out and draw without holding the lock.
package struct TrainingSnapshot: Sendable, Equatable {
  /// Bumped on every publish, so the UI redraws only when something changed.
  package var generation: UInt64 = 0
  package var run: RunDescription
  package var status: RunStatus = .starting
  package var progress = TrainingProgress()
  /// One record per finished epoch, oldest first.
  package var epochs: [EpochRecord] = []
  /// Train loss per batch, in bounded memory.
  package var batchLoss = BatchSeries()
  /// Train accuracy per batch (classification), in bounded memory.
  package var batchAccuracy = BatchSeries()
  /// The learning rate per batch as applied, in bounded memory.
  package var batchLearningRate = BatchSeries()
  /// Where epochs ended (step and wall time), oldest first, for the step and time axes; kept
  /// for the epochs in `epochs` (bounded with them).
  package var epochEnds: [EpochEnd] = []
  /// The current learning rate.
  package var learningRate: Double?
  /// The schedule's planned rate ahead of now: (global step, rate) pairs, sampled, starting at the
  /// current step. Empty when the future is unknown (watched runs, reduce-on-plateau).
  package var plannedLearningRates: [PlannedRate] = []
  package var learningRateChanges: [LearningRateChange] = []
  /// Confusion matrices of validation passes, oldest first (bounded by the producer).
  package var confusions: [ConfusionRecord] = []
  package var earlyStopping: EarlyStoppingStatus?
  /// Current diagnosis, most important first.
  package var verdicts: [Verdict] = []
  /// The verdict's changes, oldest first (the first entry is the state at the first epoch).
  package var timeline: [VerdictChange] = []
  /// The test split's result, once the run evaluated it.
  package var test: TestSummary?
  /// The newest events, oldest first (bounded by the producer, e.g. to 500).
  package var events: [RunEvent] = []
  /// Other runs overlaid for comparison (watch's run picker).
  package var comparisonRuns: [ComparisonRun] = []
  /// Every epoch of a run whose recorder keeps them all (a trained run), for snapshot export;
  /// `epochs` above may be thinned. The first `archivedEpochs` entries belong to this snapshot.
  package var epochArchive: EpochArchive?
  package var archivedEpochs = 0
  /// Scalars found in an external log that map to no canonical name.
  package var unmappedScalars: [String] = []
  /// A learning-rate range test in progress or waiting for its answer (drawn over the charts).
  package var rangeTest: RangeTestState?

  package init(run: RunDescription) {
    self.run = run
  }

  /// The best epoch by the early-stopping monitor (or val_loss, or loss).
  package var bestEpoch: Int? { earlyStopping?.bestEpoch }
}

/// One point of the planned learning-rate curve.
package struct PlannedRate: Sendable, Equatable {
  package var step: Int
  package var rate: Double
  package init(step: Int, rate: Double) {
    self.step = step
    self.rate = rate
  }
}

/// Another run shown beside the main one.
package struct ComparisonRun: Sendable, Equatable {
  package var name: String
  package var epochs: [EpochRecord]
  package var visible: Bool
  /// Its hyper-parameters (the log's configuration), for the run-comparison table.
  package var configuration: [RunDescription.KeyValue]
  /// When its log last changed (seconds since 1970), for the picker's recency order.
  package var lastModification: Double?
  /// Where its epochs ended, for the step and time axes.
  package var epochEnds: [EpochEnd]
  /// Whether its log is still being read for the first time (`dltop watch` loads the runs not
  /// shown in the background), so its epochs may not all be there yet.
  package var loading = false
  package init(
    name: String, epochs: [EpochRecord], visible: Bool = true,
    configuration: [RunDescription.KeyValue] = [], lastModification: Double? = nil,
    epochEnds: [EpochEnd] = [], loading: Bool = false
  ) {
    self.loading = loading
    self.name = name
    self.epochs = epochs
    self.visible = visible
    self.configuration = configuration
    self.lastModification = lastModification
    self.epochEnds = epochEnds
  }
}
