import DLTopEngine
import DLTopMonitor

extension EpochRecord {
  /// The monitor's record of an engine epoch: the canonical metrics plus the engine's extra
  /// signals (`grad_norm`, `grad_norm/<layer>`, `weight_norm`, `update_ratio`, `dead_relu`,
  /// `samples_per_s`), which diagnosis reads when present.
  init(_ report: EpochReport) {
    var metrics: [String: Double] = [:]
    metrics[MetricName.loss] = report.loss
    metrics[MetricName.learningRate] = report.learningRate
    metrics[MetricName.accuracy] = report.accuracy
    metrics[MetricName.validationLoss] = report.validationLoss
    metrics[MetricName.validationAccuracy] = report.validationAccuracy
    let squared = report.gradientNorms.reduce(0.0) { $0 + $1.value * $1.value }
    metrics[MetricName.gradientNorm] = squared.squareRoot()
    for statistic in report.gradientNorms {
      metrics[MetricName.gradientNorm(of: statistic.layer)] = statistic.value
    }
    metrics[MetricName.weightNorm] = report.weightNorm
    metrics[MetricName.updateRatio] = report.updateRatio
    metrics[MetricName.deadReLU] = report.meanDeadReLUFraction
    metrics[MetricName.samplesPerSecond] = report.samplesPerSecond
    self.init(epoch: report.epoch, metrics: metrics, seconds: report.seconds)
  }
}
