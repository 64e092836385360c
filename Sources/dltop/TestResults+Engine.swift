import DLTopEngine
import DLTopMonitor

extension TestResults {
  /// The monitor's record of the engine's test evaluation: the confusion counts (from which the
  /// view derives the same per-class scores as `--json`) and the regression metrics.
  init(_ result: TestResult, sampleCount: Int) {
    var confusion: ConfusionRecord?
    if let report = result.classification {
      confusion = ConfusionRecord(epoch: 0, counts: report.confusion.rows)
    }
    var regression: Regression?
    if let report = result.regression {
      regression = Regression(
        meanSquaredError: report.meanSquaredError, meanAbsoluteError: report.meanAbsoluteError,
        rSquared: report.rSquared)
    }
    self.init(
      loss: result.loss, accuracy: result.accuracy,
      sampleCount: result.classification?.confusion.total ?? result.regression?.count ?? sampleCount,
      confusion: confusion, positiveClass: result.classification?.positiveClass, regression: regression)
  }
}
