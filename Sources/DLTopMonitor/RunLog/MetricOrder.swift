/// The stable order metrics are written in (run log, metrics.csv, headless output): the canonical
/// five first, then every other name sorted.
package enum MetricOrder {
  package static let leading = [
    MetricName.loss.rawValue, MetricName.accuracy.rawValue, MetricName.validationLoss.rawValue,
    MetricName.validationAccuracy.rawValue,
    MetricName.learningRate.rawValue,
  ]

  /// `names` without duplicates, in the stable order.
  package static func sorted<S: Sequence>(_ names: S) -> [String] where S.Element == String {
    let unique = Set(names)
    return leading.filter { unique.contains($0) } + unique.subtracting(leading).sorted()
  }
}
