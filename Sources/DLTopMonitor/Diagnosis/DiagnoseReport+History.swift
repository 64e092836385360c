/// The `"history"` key of `dltop diagnose --json`: the epoch-level values as read.
///
/// `[{"epoch", "loss", "val_loss", "accuracy", "val_accuracy", "lr", …}]`: one object per epoch in
/// the order of the source, epochs numbered as the source numbers them, values under dltop's metric
/// names (`null` where the log has none of the five core metrics), then every other metric the log
/// holds, sorted by name, then `"seconds"` when the log says how long the epoch took. Non-finite
/// values are the bare tokens `NaN`, `Infinity`, as in every JSON document dltop writes.
extension DiagnoseReport {
  /// The names every history entry has, in this order.
  package static let historyCoreNames = [
    MetricName.loss, MetricName.validationLoss, MetricName.accuracy,
    MetricName.validationAccuracy, MetricName.learningRate,
  ].map(\.rawValue)

  /// The `--json` document with `"history"` added after the existing keys.
  package func json(history: [EpochRecord]) -> String {
    let document = json
    guard document.hasSuffix("}") else { return document }
    return String(document.dropLast()) + "," + JSONText.string("history") + ":"
      + Self.historyJSON(history) + "}"
  }

  /// The history array as JSON text.
  package static func historyJSON(_ epochs: [EpochRecord]) -> String {
    let core = Set(historyCoreNames)
    let entries = epochs.map { record in
      var members: [(String, String)] = [("epoch", String(record.epoch))]
      for name in historyCoreNames { members.append((name, JSONText.number(record.metrics[name]))) }
      for name in record.metrics.keys.sorted() where !core.contains(name) && name != "seconds" {
        members.append((name, JSONText.number(record.metrics[name])))
      }
      if let seconds = record.seconds { members.append(("seconds", JSONText.number(seconds))) }
      return JSONText.object(members)
    }
    return "[" + entries.joined(separator: ",") + "]"
  }
}
