import Foundation

/// Turns measured figures into the report dictionary, its JSON document and its readable text.
enum BenchReport {
  static func training(_ figures: TrainingBench.Figures, architecture: String) -> [String: Any] {
    let seconds = figures.epochSeconds
    let best = seconds.indices.min { seconds[$0] < seconds[$1] }
    return [
      "architecture": architecture,
      "epoch_s": figures.bestEpochSeconds,
      "epoch_cpu_s": best.map { figures.epochCPUSeconds[$0] } ?? Double.nan,
      "epochs_s": figures.epochSeconds,
      "epochs_cpu_s": figures.epochCPUSeconds,
      "samples_per_s": figures.samplesPerSecond,
      "samples": figures.samples,
      "batch_size": figures.batchSize,
      "parameters": figures.parameterCount,
      "final_loss": figures.finalLoss,
    ]
  }

  /// One JSON document, keys sorted; a non-finite number becomes `null` (JSON has no NaN).
  static func json(_ report: [String: Any]) throws -> String {
    let data = try JSONSerialization.data(
      withJSONObject: finite(report), options: [.sortedKeys, .prettyPrinted])
    return String(decoding: data, as: UTF8.self)
  }

  /// One `section.key: value unit` line per figure, keys sorted.
  static func text(_ report: [String: Any], prefix: String = "") -> String {
    report.keys.sorted().map { key in
      let name = prefix + key
      switch report[key] {
      case let section as [String: Any]: return text(section, prefix: name + ".")
      case let values as [Double]:
        return "\(name): " + values.map(format).joined(separator: ", ") + unit(of: key)
      case let flag as Bool: return "\(name): \(flag)"
      case let value as Int: return "\(name): \(value)" + unit(of: key)
      case let value as Double: return "\(name): \(format(value))" + unit(of: key)
      case let value?: return "\(name): \(value)"
      case nil: return "\(name): -"
      }
    }.joined(separator: "\n")
  }

  /// The unit a key's suffix names (`epoch_s` → ` s`, `gemm_gflops` → ` GFLOP/s`), or "".
  static func unit(of key: String) -> String {
    let units: [(suffix: String, unit: String)] = [
      ("_mb_per_cpu_s", "MB per CPU second"), ("_mb_per_s", "MB/s"),
      ("samples_per_s", "samples/s"), ("_gflops", "GFLOP/s"), ("_cpu_s", "CPU s"),
      ("_ms", "ms"), ("_s", "s"), ("_pct", "%"), ("_batches", "batches"), ("megabytes", "MB"),
    ]
    if key.contains("frame_") && key.hasSuffix("_1m_batches") { return " ms" }
    return units.first { key.hasSuffix($0.suffix) }.map { " " + $0.unit } ?? ""
  }

  private static func finite(_ value: Any) -> Any {
    switch value {
    case let section as [String: Any]: section.mapValues(finite)
    case let values as [Double]: values.map { $0.isFinite ? $0 as Any : NSNull() }
    case let number as Double where !number.isFinite: NSNull()
    default: value
    }
  }

  private static func format(_ value: Double) -> String { String(format: "%.4g", value) }
}
