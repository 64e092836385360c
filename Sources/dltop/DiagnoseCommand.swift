import ArgumentParser
import DLTopMonitor
import Foundation

/// `dltop diagnose FILE`: reads a finished log and says what happened and where early stopping
/// would have fired.
struct DiagnoseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "diagnose",
    abstract: "Diagnose a finished training log (dltop run log, Keras CSV, Lightning metrics.csv, JSON lines, TensorBoard).",
    discussion: "Epochs are numbered as in the source log (a Keras CSV counts from 0).")

  @Argument(help: "The log file, or a dltop run folder (its run.jsonl is read).")
  var path: String

  @Flag(help: "Print one JSON document on stdout.")
  var json = false

  @Option(help: "Early-stopping patience used to say where it would have fired.")
  var patience = 20

  @Option(help: "The metric early stopping watches (default: val_loss when present, else loss).")
  var monitor: String?

  mutating func run() throws {
    guard patience >= 0 else { throw ValidationError("--patience: must be ≥ 0, got \(patience)") }
    let log = try LogLoading.read(path)
    let report = DiagnoseReport(log: log, options: .init(patience: patience, monitor: monitor))
    for issue in log.issues {
      FileHandle.standardError.write(Data("warning: \(issue)\n".utf8))
    }
    print(json ? report.json : report.text)
  }
}

/// Reads a log file or a run folder for `diagnose` (and `watch --headless` once complete).
enum LogLoading {
  static func read(_ path: String) throws -> ParsedLog {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw CommandFailure("\(path): no such file or folder")
    }
    var file = path
    if isDirectory.boolValue {
      let runLog = (path as NSString).appendingPathComponent("run.jsonl")
      guard FileManager.default.fileExists(atPath: runLog) else {
        throw CommandFailure("\(path): a folder without run.jsonl; give a log file (dltop watch follows whole folders)")
      }
      file = runLog
    }
    do {
      return try LogFileReader.read(path: file)
    } catch {
      throw CommandFailure("\(error)")
    }
  }
}
