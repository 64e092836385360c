/// A log that is not an append-only byte stream — a SQLite database, a folder of metric files, a
/// JSON file rewritten at each save — read by asking it what changed.
///
/// `LogFollower` polls one of these instead of feeding bytes to an `IncrementalLogParser`; the
/// items it returns are the same. A source reads only what is new where the format allows it (rows
/// past the last row id, bytes past the last offset of each metric file, `log_history` entries
/// past the last one taken).
package protocol PolledLogSource: PendingEpochsReporting {
  var format: LogFormat { get }
  /// Reads what is new since the last poll.
  mutating func poll() -> PolledLogOutcome
  /// The source is complete: emit what is held back (the open epoch).
  mutating func finish() -> [LogItem]
}

/// What one poll of a `PolledLogSource` found.
package struct PolledLogOutcome: Sendable {
  /// Items new since the last poll; after a restart, every item of the source.
  package var items: [LogItem] = []
  /// The source no longer extends what was read (a new training run over the same output
  /// folder, a database replaced): the consumer drops what it had from this source first.
  package var restarted = false
  /// How much new data was read (rows, entries or bytes), for "the run is growing".
  package var amountRead = 0

  package init(items: [LogItem] = [], restarted: Bool = false, amountRead: Int = 0) {
    self.items = items
    self.restarted = restarted
    self.amountRead = amountRead
  }
}

/// Makes the source that reads a file of a polled format.
package enum PolledLogSources {
  /// A fresh source for `file`; nil when its format is read from bytes instead.
  package static func make(for file: LogDiscovery.File) -> (any PolledLogSource)? {
    switch file.format {
    case .huggingFace: HuggingFaceTrainerStateSource(folder: file.path)
    case .mlflowFileStore: MLflowFileStoreSource(runFolder: file.path)
    case .mlflowSQLite: MLflowSQLiteSource(path: file.path, runID: file.runKey ?? "")
    case .trackio: TrackioSource(path: file.path, runName: file.runKey ?? "")
    case .dltopRunLog, .kerasCSV, .lightningCSV, .jsonLines, .tensorBoard, .wandb, .ultralyticsCSV:
      nil
    }
  }

  /// Reads `file` completely (for `dltop diagnose`).
  package static func readAll(_ file: LogDiscovery.File) -> ParsedLog? {
    guard var source = make(for: file) else { return nil }
    var log = ParsedLog(path: file.path, format: file.format)
    log.append(source.poll().items)
    log.append(source.finish())
    return log
  }
}
