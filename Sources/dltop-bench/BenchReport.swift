import Foundation

/// Turns measured figures into the report dictionary and its readable text form.
enum BenchReport {
  static func training(_ figures: TrainingBench.Figures, architecture: String) -> [String: Any] {
    [
      "architecture": architecture,
      "epoch_s": figures.bestEpochSeconds,
      "epochs_s": figures.epochSeconds,
      "epochs_cpu_s": figures.epochCPUSeconds,
      "samples_per_s": figures.samplesPerSecond,
      "samples": figures.samples,
      "batch_size": figures.batchSize,
      "parameters": figures.parameterCount,
      "final_loss": figures.finalLoss,
    ]
  }

  /// One `key: value` line per figure, nested sections indented, keys sorted.
  static func text(_ report: [String: Any], indent: String = "") -> String {
    report.keys.sorted().map { key in
      switch report[key] {
      case let section as [String: Any]: "\(indent)\(key):\n" + text(section, indent: indent + "  ")
      case let values as [Double]: "\(indent)\(key): " + values.map(format).joined(separator: ", ")
      case let value as Double: "\(indent)\(key): \(format(value))"
      case let value?: "\(indent)\(key): \(value)"
      case nil: "\(indent)\(key): -"
      }
    }.joined(separator: "\n")
  }

  private static func format(_ value: Double) -> String { String(format: "%.4g", value) }
}
