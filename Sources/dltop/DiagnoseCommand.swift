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

  @Argument(help: "The log file, or a folder holding one run (a dltop run folder, a Keras TensorBoard log folder).")
  var path: String

  @Flag(help: "Print one JSON document on stdout.")
  var json = false

  @Option(help: "Early-stopping patience used to say where it would have fired.")
  var patience = 20

  @Option(help: "The metric early stopping watches (default: val_loss when present, else loss).")
  var monitor: String?

  mutating func run() throws {
    guard patience >= 0 else { throw CommandFailure("--patience: must be ≥ 0, got \(patience)") }
    let log = try LogLoading.read(path)
    guard !log.epochs.isEmpty else {
      let steps = log.steps.isEmpty ? "" : " (\(log.steps.count) per-step records, no epoch)"
      let skipped = log.issues.isEmpty ? "" : "; \(log.issues.count) unreadable row(s), first: \(log.issues[0])"
      throw CommandFailure("\(log.path): no epochs in this log\(steps)\(skipped)")
    }
    if let monitor {
      do {
        try MonitorCheck.check(monitor, available: MonitorCheck.metricNames(of: log.epochs))
      } catch {
        throw CommandFailure("--monitor: \(error)")
      }
    }
    let report = DiagnoseReport(log: log, options: .init(patience: patience, monitor: monitor))
    for issue in log.issues {
      FileHandle.standardError.write(Data("warning: \(issue)\n".utf8))
    }
    print(json ? report.json : report.text)
  }
}

/// Reads one finished run for `diagnose`: a log file in any format dltop reads, a dltop run folder,
/// or a folder holding exactly one run (Keras's TensorBoard layout merges train/ and validation/).
enum LogLoading {
  static func read(_ path: String) throws -> ParsedLog {
    do {
      return try WatchRunReader.read(path: path)
    } catch {
      throw CommandFailure("\(error)")
    }
  }
}
