import Foundation

/// `dltop diagnose`'s reading: a log streamed through a `RunReplay` in fixed-size chunks, so a
/// log of any length is diagnosed in bounded memory. A file whose epochs go back (appended runs,
/// `EpochRestart`) is read whole instead, so its runs are never mixed. A run made of several files (Keras's
/// TensorBoard `train/` and `validation/`) is merged by epoch first (`WatchRunReader`).
package enum LogReplay {
  /// Bytes read per chunk.
  static let chunkSize = 1 << 20
  /// Issues kept for the report (the count goes on).
  static let issueLimit = 1000

  /// Diagnoses the single run at `path`.
  /// - Throws: `LogFileReader.ReadError` when nothing readable is there, or several runs are.
  package static func diagnose(path: String, options: DiagnoseReport.Options) throws(LogFileReader
    .ReadError) -> DiagnoseReport
  {
    guard FileManager.default.fileExists(atPath: path) else {
      throw LogFileReader.ReadError(path: path, message: "no such file or folder")
    }
    let runs = LogDiscovery.runs(at: path)
    guard runs.count == 1, let run = runs.first, run.files.count == 1, let file = run.files.first,
      !file.format.isPolled
    else {
      return DiagnoseReport(log: try WatchRunReader.read(path: path), options: options)
    }
    guard let handle = FileHandle(forReadingAtPath: file.path) else {
      throw LogFileReader.ReadError(path: file.path, message: "cannot be read (permissions?)")
    }
    defer { try? handle.close() }
    let recorder = DiagnoseReport.recorder(options: options, classCount: options.classCount)
    var replay = RunReplay(recorder: recorder)
    var parser: any IncrementalLogParser =
      file.format == .dltopRunLog
      ? DltopRunLogParser(path: file.path, skipsBatchLines: true)
      : FormatDetector.makeParser(for: file.format, path: file.path, context: file.context)
    var issues: [LogIssue] = []
    var lastEpoch: Int?
    var restarted = false
    func take(_ items: [LogItem]) {
      for case .epoch(let record) in items {
        if let lastEpoch, record.epoch < lastEpoch { restarted = true }
        lastEpoch = record.epoch
      }
      replay.feed(items)
      for case .issue(let issue) in items where issues.count < issueLimit { issues.append(issue) }
    }
    while !restarted {
      let chunk = handle.readData(ofLength: chunkSize)
      if chunk.isEmpty { break }
      take(chunk.withUnsafeBytes { parser.feed(ArraySlice($0.bindMemory(to: UInt8.self))) })
    }
    if !restarted { take(parser.finish()) }
    if restarted {
      // Epochs went back (runs appended to one file): read it whole, one run kept (EpochRestart).
      return DiagnoseReport(log: try WatchRunReader.read(path: path), options: options)
    }
    replay.finish()
    return DiagnoseReport(
      recorder: recorder, source: run.root, format: file.format, options: options, issues: issues)
  }
}
