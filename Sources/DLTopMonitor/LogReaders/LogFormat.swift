/// The log formats dltop reads. The raw values are the `format` strings of `dltop diagnose --json`.
package enum LogFormat: String, Sendable, Equatable, CaseIterable, Codable {
  /// dltop's own run log: JSON lines, a header line then one line per epoch (and sampled batches).
  case dltopRunLog = "dltop-runlog"
  /// Keras `CSVLogger`: header `epoch,accuracy,loss,…`, epochs counted from 0.
  case kerasCSV = "keras-csv"
  /// PyTorch Lightning `CSVLogger` `metrics.csv`: rows keyed by step and epoch.
  case lightningCSV = "lightning-csv"
  /// One JSON object per line, per epoch or per step; bare NaN/Infinity accepted.
  case jsonLines = "jsonl"
  /// TensorBoard `events.out.tfevents.*` (TFRecord framing, Event protos).
  case tensorBoard = "tensorboard"
  /// Hugging Face `Trainer`: `trainer_state.json` of an output folder and its `checkpoint-N/`.
  case huggingFace = "huggingface"
  /// MLflow's file store: `mlruns/<experiment>/<run>/metrics/<key>` ("timestamp value step" lines).
  case mlflowFileStore = "mlflow"
  /// MLflow's SQLite store `mlflow.db` (table `metrics`, NaN as `is_nan`); one database, many runs.
  case mlflowSQLite = "mlflow-sqlite"
  /// A W&B offline run `run-*.wandb` (LevelDB-log framing, protobuf `Record`s).
  case wandb = "wandb"
  /// trackio's per-project SQLite database (metrics as JSON per step); one database, many runs.
  case trackio = "trackio"
  /// Ultralytics `results.csv`: space-padded headers, epochs from 1, rows repeated after a resume.
  case ultralyticsCSV = "ultralytics-csv"

  /// Whether the format is read by polling a `PolledLogSource` (a database, a folder of files, a
  /// JSON file rewritten at each save) rather than by feeding appended bytes to a parser.
  package var isPolled: Bool {
    switch self {
    case .huggingFace, .mlflowFileStore, .mlflowSQLite, .trackio: true
    case .dltopRunLog, .kerasCSV, .lightningCSV, .jsonLines, .tensorBoard, .wandb, .ultralyticsCSV:
      false
    }
  }
}

/// One thing a log parser found.
package enum LogItem: Sendable, Equatable {
  /// A finished epoch.
  case epoch(EpochRecord)
  /// A per-step (per-batch) record: global step, the epoch it belongs to, its metrics, and its
  /// fractional epoch and wall time where the source records them.
  case step(step: Int, epoch: Int?, metrics: [String: Double], stamp: StepStamp = StepStamp())
  /// Per-step values of one metric each, batched (TensorBoard): the same as one `.step` per point.
  case stepValues(StepValues)
  /// Where an epoch ended (its step and wall time), for placing epochs on a step or time axis.
  case epochEnd(EpochEnd)
  /// Configuration found in the log (dltop's header line, hparams).
  case configuration([RunDescription.KeyValue])
  /// A problem that was skipped over (bad row, corrupt record); parsing goes on.
  case issue(LogIssue)
  /// What a dltop run log says beyond metrics: events, confusion matrices, the test result, the end.
  case run(RunLogRecord)
}

/// The records of a dltop run log that are not metrics, so a followed or replayed run shows what
/// the live dashboard showed.
package enum RunLogRecord: Sendable, Equatable {
  /// The class names of the header.
  case classNames([String])
  case event(RunEvent)
  case confusion(ConfusionRecord)
  case test(TestSummary)
  /// The run ended with this status.
  case end(RunStatus)
}

/// A problem in a log file, located as precisely as the format allows.
package struct LogIssue: Error, Sendable, Equatable, CustomStringConvertible {
  package var path: String
  /// 1-based line for text formats.
  package var line: Int?
  /// Byte offset for binary formats.
  package var offset: Int?
  /// The column or field, when one is at fault.
  package var field: String?
  package var message: String

  package init(
    path: String, line: Int? = nil, offset: Int? = nil, field: String? = nil, message: String
  ) {
    self.path = path
    self.line = line
    self.offset = offset
    self.field = field
    self.message = message
  }

  /// `path:line: field 'x': message` (or `path@offset: …`).
  package var description: String {
    var location = path
    if let line { location += ":\(line)" }
    if let offset { location += " at byte \(offset)" }
    if let field { return "\(location): field '\(field)': \(message)" }
    return "\(location): \(message)"
  }
}

/// Parses a log incrementally, as the file grows.
///
/// `feed` receives the newly appended bytes and returns the items they complete; an incomplete
/// trailing line or record is kept until the rest arrives, never parsed as garbage.
package protocol IncrementalLogParser {
  var format: LogFormat { get }
  /// Parses newly appended bytes.
  mutating func feed(_ bytes: ArraySlice<UInt8>) -> [LogItem]
  /// The file is complete: parse whatever is pending (a last line without newline).
  mutating func finish() -> [LogItem]
}
