import DLTopEngine

/// What `resume.bin` holds: the trainer's checkpoint after the last completed epoch, and what the
/// run around it needs to go on from there (its flags, where its log ends, its clock, early
/// stopping).
struct ResumeState: Sendable {
  /// Early stopping after the checkpoint's epoch, as the recorder had it.
  struct EarlyStoppingRecord: Sendable, Equatable {
    /// False when the `e` key had turned it off.
    var enabled: Bool
    var monitor: String
    var best: Double?
    var bestEpoch: Int?
    var wait: Int
  }

  var checkpoint: TrainerCheckpoint
  /// The run's flags as `dltop train` arguments (`TrainOptions.recordedArguments`).
  var arguments: [String]
  /// The size of `run.jsonl` when the checkpoint was written: the log up to here holds exactly
  /// epochs 1…`checkpoint.completedEpochs`; anything after belongs to an epoch that did not end.
  var logBytes: Int
  /// The log's batch-line stride then (it doubles on huge epochs).
  var logBatchStride: Int
  /// Seconds the run had been going.
  var elapsedSeconds: Double
  var earlyStopping: EarlyStoppingRecord

  var completedEpochs: Int { checkpoint.completedEpochs }
}
