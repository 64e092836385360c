import DLTopMonitor
import Foundation

/// Prints a run as plain lines: one per epoch, one per new verdict, and the final metrics.
///
/// With `--json`, everything goes to stderr so that stdout carries exactly one JSON document.
struct HeadlessPrinter: Sendable {
  let toStandardError: Bool

  func line(_ text: String) {
    let data = Data((text + "\n").utf8)
    if toStandardError {
      FileHandle.standardError.write(data)
    } else {
      FileHandle.standardOutput.write(data)
    }
  }

  /// `epoch 3/20  loss 0.4123  accuracy 0.8532  val_loss 0.4410  val_accuracy 0.8421  lr 0.001  4.21s`
  func epoch(_ record: EpochRecord, of total: Int?, samplesPerSecond: Double?) {
    line(Self.epochText(record, of: total, samplesPerSecond: samplesPerSecond))
  }

  static func epochText(_ record: EpochRecord, of total: Int?, samplesPerSecond: Double?) -> String
  {
    var parts = ["epoch \(record.epoch)" + (total.map { "/\($0)" } ?? "")]
    let names = [
      MetricName.loss, MetricName.accuracy, MetricName.validationLoss,
      MetricName.validationAccuracy,
    ]
    for name in names {
      if let value = record.metrics[name] { parts.append("\(name) \(format(value))") }
    }
    if let lr = record.learningRate { parts.append("lr \(format(lr))") }
    if let seconds = record.seconds { parts.append(String(format: "%.2fs", seconds)) }
    if let speed = samplesPerSecond { parts.append("\(Int(speed.rounded())) samples/s") }
    return parts.joined(separator: "  ")
  }

  func verdict(_ verdict: Verdict) {
    let onset = verdict.onsetEpoch.map { " (since epoch \($0))" } ?? ""
    line("diagnosis: \(verdict.kind.rawValue)\(onset): \(verdict.evidence) → \(verdict.advice)")
  }

  /// Four significant digits, switching to exponent notation for very small or large values.
  static func format(_ value: Double) -> String {
    guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "inf" : "-inf") }
    let magnitude = abs(value)
    if magnitude != 0 && (magnitude < 1e-3 || magnitude >= 1e5) {
      return String(format: "%.3e", value)
    }
    return String(format: "%.4f", value)
  }
}
