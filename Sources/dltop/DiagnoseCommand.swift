import ArgumentParser
import DLTopMonitor
import Foundation

/// `dltop diagnose FILE`: reads a finished log and says what happened and where early stopping
/// would have fired.
struct DiagnoseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "diagnose",
    abstract:
      "Diagnose a finished training log (dltop run log, Keras CSV, Lightning metrics.csv, JSON lines, TensorBoard).",
    discussion: "Epochs are numbered as in the source log (a Keras CSV counts from 0).")

  @Argument(
    help:
      "The log file, or a folder holding one run (a dltop run folder, a Keras TensorBoard log folder), or [user@]host:path on another machine (read through ssh)."
  )
  var path: String

  @Flag(help: "Print one JSON document on stdout.")
  var json = false

  @Option(help: "Early-stopping patience used to say where it would have fired.")
  var patience = 20

  @Option(help: "The metric early stopping watches (default: val_loss when present, else loss).")
  var monitor: String?

  mutating func run() throws {
    guard patience >= 0 else { throw CommandFailure("--patience: must be ≥ 0, got \(patience)") }
    let options = DiagnoseReport.Options(patience: patience, monitor: monitor)
    var report: DiagnoseReport
    if let remote = RemoteRun.remotePath(path) {
      report = try RemoteRun.withCopy(of: remote) { local in try Self.diagnose(local, options) }
      report.source = path
    } else {
      report = try Self.diagnose(path, options)
    }
    guard report.epochs > 0 else {
      let skipped =
        report.issues.isEmpty
        ? "" : "; \(report.issues.count) unreadable row(s), first: \(report.issues[0])"
      throw CommandFailure("\(report.source): no epochs in this log\(skipped)")
    }
    if let monitor {
      do {
        try MonitorCheck.check(monitor, available: report.metricNames)
      } catch {
        throw CommandFailure("--monitor: \(error)")
      }
    }
    for issue in report.issues {
      FileHandle.standardError.write(Data("warning: \(issue)\n".utf8))
    }
    print(json ? report.json(history: report.history) : report.text)
  }

  private static func diagnose(_ path: String, _ options: DiagnoseReport.Options) throws
    -> DiagnoseReport
  {
    do {
      return try LogReplay.diagnose(path: path, options: options)
    } catch {
      throw CommandFailure("\(error)")
    }
  }
}
