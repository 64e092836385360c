/// Checks a metric that early stopping is asked to watch against the metrics a run really has, so
/// `monitor=foo` is an error naming the choices instead of a policy that never fires.
package enum MonitorCheck {
  /// An unknown monitor, with the metrics that exist.
  package struct UnknownMonitor: Error, Sendable, Equatable, CustomStringConvertible {
    package var monitor: String
    package var available: [String]
    package var description: String {
      let shown = available.prefix(12).joined(separator: ", ")
      let more = available.count > 12 ? " and \(available.count - 12) more" : ""
      return "unknown metric '\(monitor)' to monitor; this run has \(shown)\(more)"
    }
  }

  /// The metric names of `epochs`, the main ones first (loss, val_loss, accuracy, val_accuracy…).
  package static func metricNames(of epochs: [EpochRecord]) -> [String] {
    var names = Set<String>()
    for epoch in epochs { names.formUnion(epoch.metrics.keys) }
    return ordered(names)
  }

  /// `names` with the canonical metrics first, then the rest alphabetically.
  package static func ordered(_ names: Set<String>) -> [String] {
    let main = [
      MetricName.loss, MetricName.validationLoss, MetricName.accuracy,
      MetricName.validationAccuracy,
    ].map(\.rawValue)
    return main.filter(names.contains) + names.subtracting(main).sorted()
  }

  /// - Throws: `UnknownMonitor` when `monitor` (mapped to its canonical name) is not among `available`.
  package static func check(_ monitor: String, available: [String]) throws(UnknownMonitor) {
    let canonical = MetricNameMapping.canonicalName(monitor)
    guard !available.contains(canonical) else { return }
    throw UnknownMonitor(monitor: monitor, available: available)
  }
}
