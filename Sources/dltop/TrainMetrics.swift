import DLTopEngine
import DLTopMonitor

/// The metrics a `dltop train` run records for its data, known before training starts (see
/// `EpochRecord.init(_: EpochReport)`), so `--early-stop monitor=…` can be checked up front.
enum TrainMetrics {
  static func available(for data: PreparedData) -> [String] {
    var names: Set<String> = [
      MetricName.loss.rawValue, MetricName.learningRate.rawValue, "grad_norm", "weight_norm",
      "update_ratio", "dead_relu",
      "samples_per_s",
    ]
    if data.task.isClassification { names.insert(MetricName.accuracy.rawValue) }
    if data.validation != nil {
      names.insert(MetricName.validationLoss.rawValue)
      if data.task.isClassification { names.insert(MetricName.validationAccuracy.rawValue) }
    }
    return MonitorCheck.ordered(names)
  }

  /// Refuses an early-stopping monitor the run will not record. The default `val_loss` without a
  /// validation split is not refused: the training loop watches `loss` then, and says so.
  static func checkMonitor(_ setup: TrainSetup, data: PreparedData) throws {
    guard let monitor = setup.earlyStopping?.monitor else { return }
    if monitor == MetricName.validationLoss.rawValue && data.validation == nil { return }
    do {
      try MonitorCheck.check(monitor, available: available(for: data))
    } catch {
      throw CommandFailure("--early-stop: \(error)")
    }
  }
}
