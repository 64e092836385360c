import DLTopMonitor
import Foundation

/// `dltop watch --once PATH`: reads what the logs under PATH hold now, prints each run's epochs
/// and diagnosis as `dltop watch --headless` would, and returns the verdict's exit status
/// (`VerdictExitStatus`) instead of following the files.
enum WatchOnce {
  static func run(path: String, patience: Int, monitor: String?, printer: HeadlessPrinter) throws
    -> Int32
  {
    guard FileManager.default.fileExists(atPath: path) else {
      throw CommandFailure("\(path): no such file or folder")
    }
    let found = LogDiscovery.runs(at: path).sorted { $0.name < $1.name }
    let runs = found.map(WatchRunReader.read)
    guard !runs.isEmpty else {
      throw CommandFailure(
        "\(path): no log dltop reads here (Keras CSV, Lightning metrics.csv, JSON lines, TensorBoard, dltop run log)"
      )
    }
    var worst: Int32 = 0
    for (run, log) in zip(found, runs) {
      let name = runs.count > 1 ? "[\(run.name)] " : ""
      for issue in log.issues.prefix(10) { printer.line("warning: \(issue)") }
      for record in log.epochs {
        printer.line(name + HeadlessPrinter.epochText(record, of: nil, samplesPerSecond: nil))
      }
      let status: Int32
      if log.epochs.isEmpty {
        printer.line(name + "no finished epoch yet")
        status = VerdictExitStatus.noEpochs
      } else {
        let report = DiagnoseReport(log: log, options: .init(patience: patience, monitor: monitor))
        if let end = finishedEvent(in: log) { printer.line(name + "finished: \(end)") }
        for line in report.text.split(separator: "\n").dropFirst() { printer.line(name + line) }
        status = VerdictExitStatus.status(of: report.verdict)
      }
      worst = max(worst, status)
    }
    printer.line("exit status \(worst)")
    return worst
  }

  /// What a dltop run log says about its end (`finished: …` event), if it has ended.
  static func finishedEvent(in log: ParsedLog) -> String? {
    for event in log.events.reversed() where event.text.hasPrefix("finished: ") {
      return String(event.text.dropFirst("finished: ".count))
    }
    return nil
  }
}
