import Foundation

/// Reads a finished log file in one go, choosing the parser from the file's name and content.
///
/// It knows the formats whose parsers live next to it: dltop's run log, Keras CSV and JSON lines.
/// A run folder (holding `run.jsonl`) is read through its run log.
package enum LogFileReader {
  /// Why a log could not be read at all (a bad row is not this: it becomes a `LogIssue`).
  package struct ReadError: Error, Sendable, Equatable, CustomStringConvertible {
    package var path: String
    package var message: String
    package var description: String { "\(path): \(message)" }
  }

  /// Reads `path` (a file, or a dltop run folder).
  /// - Throws: `ReadError` when the file cannot be opened or its format is not one of these readers'.
  package static func read(path: String) throws(ReadError) -> ParsedLog {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw ReadError(path: path, message: "no such file or folder")
    }
    if isDirectory.boolValue {
      let runLog = (path as NSString).appendingPathComponent(RunLogFormat.fileName)
      guard FileManager.default.fileExists(atPath: runLog) else {
        throw ReadError(
          path: path, message: "a folder without \(RunLogFormat.fileName); give the log file itself"
        )
      }
      return try read(path: runLog)
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ReadError(path: path, message: "cannot be read (permissions?)")
    }
    let bytes = [UInt8](data)
    guard let format = detectFormat(path: path, head: bytes.prefix(4096)) else {
      throw ReadError(
        path: path,
        message: "not a log format dltop reads here (dltop run log, Keras CSV, JSON lines)")
    }
    return parse(bytes: bytes[...], path: path, format: format)
  }

  /// Parses complete `bytes` in the given format.
  package static func parse(bytes: ArraySlice<UInt8>, path: String, format: LogFormat) -> ParsedLog
  {
    var log = ParsedLog(path: path, format: format)
    switch format {
    case .dltopRunLog:
      var parser = DltopRunLogParser(path: path)
      log.append(parser.feed(bytes))
      log.append(parser.finish())
      log.events = parser.events
      log.classNames = parser.classNames
    case .jsonLines:
      var parser = JSONLinesParser(path: path)
      log.append(parser.feed(bytes))
      log.append(parser.finish())
      log.events = parser.events
      log.classNames = parser.classNames
    case .kerasCSV:
      var parser = KerasCSVParser(path: path)
      log.append(parser.feed(bytes))
      log.append(parser.finish())
    case .lightningCSV, .tensorBoard, .huggingFace, .mlflowFileStore, .mlflowSQLite, .wandb,
      .trackio,
      .ultralyticsCSV:
      log.issues.append(
        LogIssue(path: path, message: "the \(format.rawValue) format is read by the watch readers"))
    }
    return log
  }

  /// The format of a file from its first bytes and its name, among the dltop run log, Keras CSV and
  /// JSON lines; nil when it is none of them (a Lightning CSV with a `step` column is not Keras's).
  package static func detectFormat(path: String, head: ArraySlice<UInt8>) -> LogFormat? {
    let text = String(decoding: head, as: UTF8.self)
    let firstLine =
      text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: true).first
      .map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
    if firstLine.hasPrefix("{") {
      if firstLine.contains("\"type\":\"header\"") || firstLine.contains("\"type\": \"header\"") {
        return .dltopRunLog
      }
      return .jsonLines
    }
    let name = (path as NSString).lastPathComponent.lowercased()
    if name.hasSuffix(".jsonl") || name.hasSuffix(".ndjson") { return .jsonLines }
    let separator: Character =
      firstLine.contains(",") ? "," : (firstLine.contains("\t") ? "\t" : ";")
    let columns = CSVRow.split(firstLine, separator: separator).map {
      $0.trimmingCharacters(in: .whitespaces).lowercased()
    }
    if columns.contains("step") { return nil }
    if columns.contains("epoch") || (name.hasSuffix(".csv") && columns.count > 1) {
      return .kerasCSV
    }
    return nil
  }
}
