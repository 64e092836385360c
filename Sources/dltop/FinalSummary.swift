import DLTopEngine
import DLTopMonitor

/// The lines printed when a headless run ends: how it ended, the best epoch, test metrics.
enum FinalSummary {
  static func print(_ outcome: TrainOutcome, job: TrainingJob, printer: HeadlessPrinter) {
    printer.line("stopped: \(outcome.stopReason)")
    if let best = outcome.bestEpoch { printer.line("best epoch: \(best) (\(outcome.monitor))") }
    if let verdict = outcome.verdict {
      let since = outcome.timeline.last.map { " (since epoch \($0.epoch))" } ?? ""
      printer.line("verdict: \(verdict.rawValue)\(since)")
    }
    if let test = outcome.test {
      printer.line(testLine(test))
      // The table ends with the positive class's line for a binary task: printed once.
      if let report = test.classification { printer.line(report.tableText) }
    } else if job.data.test == nil {
      printer.line("test: no test split")
    }
    if let directory = outcome.runDirectory { printer.line("run log: \(directory)") }
  }

  /// `test: loss 0.3852  accuracy 0.8742  macro_f1 0.8741` (`dltop eval` prints the same line).
  static func testLine(_ test: TestResult) -> String {
    var parts = ["test: loss \(HeadlessPrinter.format(test.loss))"]
    if let accuracy = test.accuracy { parts.append("accuracy \(HeadlessPrinter.format(accuracy))") }
    if let report = test.classification {
      parts.append("macro_f1 \(HeadlessPrinter.format(report.macro.f1))")
    }
    if let regression = test.regression {
      parts.append("mse \(HeadlessPrinter.format(regression.meanSquaredError))")
      parts.append("mae \(HeadlessPrinter.format(regression.meanAbsoluteError))")
      parts.append("r2 \(HeadlessPrinter.format(regression.rSquared))")
    }
    return parts.joined(separator: "  ")
  }
}
