import Foundation

/// Reads a finished run in any format `dltop watch` follows, in one go (for `dltop diagnose`).
///
/// Unlike `LogFileReader`, it also reads TensorBoard event files and Lightning's `metrics.csv`,
/// and a folder: the folder must hold exactly one run (`LogDiscovery`), whose files are merged by
/// epoch number, so a Keras TensorBoard log folder gives `loss` and `val_loss` in one record.
package enum WatchRunReader {
  /// Every run under `path`, each read completely.
  package static func readRuns(at path: String) -> [ParsedLog] {
    LogDiscovery.runs(at: path).map(read)
  }

  /// The single run at `path` (a log file, a run folder, or a folder holding one run).
  /// - Throws: `LogFileReader.ReadError` when nothing readable is there, or several runs are.
  package static func read(path: String) throws(LogFileReader.ReadError) -> ParsedLog {
    guard FileManager.default.fileExists(atPath: path) else {
      throw LogFileReader.ReadError(path: path, message: "no such file or folder")
    }
    let runs = LogDiscovery.runs(at: path)
    guard let run = runs.first else {
      throw LogFileReader.ReadError(
        path: path,
        message:
          "no log dltop reads here (Keras CSV, Lightning metrics.csv, JSON lines, TensorBoard, dltop run log, Hugging Face trainer_state.json, MLflow, W&B offline, trackio, Ultralytics results.csv)"
      )
    }
    guard runs.count == 1 else {
      let names = runs.map(\.name).joined(separator: ", ")
      throw LogFileReader.ReadError(
        path: path, message: "\(runs.count) runs found; give one of: \(names)")
    }
    return read(run)
  }

  /// Reads every file of `run` and merges their epochs by number.
  package static func read(_ run: LogDiscovery.Run) -> ParsedLog {
    var log = ParsedLog(path: run.root, format: run.files.first?.format ?? .tensorBoard)
    var merged: [Int: EpochRecord] = [:]
    var order: [Int] = []
    for file in run.files {
      if let part = PolledLogSources.readAll(file) {
        merge(part, into: &log, merged: &merged, order: &order)
        continue
      }
      guard let data = FileManager.default.contents(atPath: file.path) else {
        log.issues.append(LogIssue(path: file.path, message: "cannot be read (permissions?)"))
        continue
      }
      var parser = FormatDetector.makeParser(
        for: file.format, path: file.path, context: file.context)
      var part = ParsedLog(path: file.path, format: file.format)
      let bytes = [UInt8](data)
      part.append(parser.feed(bytes[...]))
      part.append(parser.finish())
      let restarts = EpochRestart.resolve(part.epochs, path: file.path)
      part.epochs = restarts.epochs
      log.issues += restarts.issues
      merge(part, into: &log, merged: &merged, order: &order)
      if let runLog = parser as? DltopRunLogParser {
        // dltop's own log also says how the run ended (`watch --once` reports it).
        log.events += runLog.events
      }
    }
    log.epochs = order.sorted().compactMap { merged[$0] }
    return log
  }

  /// Adds one file's records; a later record of an epoch overrides the values it repeats
  /// (an Ultralytics run resumed over its own epochs, Keras's train/ and validation/ halves).
  private static func merge(
    _ part: ParsedLog, into log: inout ParsedLog, merged: inout [Int: EpochRecord],
    order: inout [Int]
  ) {
    for record in part.epochs {
      if let previous = merged[record.epoch] {
        merged[record.epoch]?.metrics = previous.metrics.merging(record.metrics) { _, new in new }
        merged[record.epoch]?.seconds = record.seconds ?? previous.seconds
      } else {
        merged[record.epoch] = record
        order.append(record.epoch)
      }
    }
    log.steps += part.steps
    log.epochEnds += part.epochEnds
    log.issues += part.issues
    log.configuration += part.configuration
  }
}
