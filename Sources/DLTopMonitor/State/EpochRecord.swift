/// The metrics of one finished epoch, from any source.
package struct EpochRecord: Sendable, Equatable, Codable {
  /// The epoch number as the source counts it: dltop counts from 1, a Keras CSV from 0.
  package var epoch: Int
  /// Metric values by canonical name (`MetricName`); non-finite values are kept as they were logged.
  package var metrics: [String: Double]
  /// Wall-clock seconds the epoch took, when known.
  package var seconds: Double?

  package init(epoch: Int, metrics: [String: Double], seconds: Double? = nil) {
    self.epoch = epoch
    self.metrics = metrics
    self.seconds = seconds
  }

  package subscript(name: String) -> Double? { metrics[name] }

  package var loss: Double? { metrics[MetricName.loss] }
  package var accuracy: Double? { metrics[MetricName.accuracy] }
  package var validationLoss: Double? { metrics[MetricName.validationLoss] }
  package var validationAccuracy: Double? { metrics[MetricName.validationAccuracy] }
  package var learningRate: Double? { metrics[MetricName.learningRate] }
}
