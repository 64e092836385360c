import Foundation

/// A bad `--early-stop` option, naming the key at fault.
package struct EarlyStoppingOptionError: Error, Sendable, Equatable, CustomStringConvertible {
  package var key: String
  package var message: String
  package var description: String { "--early-stop: '\(key)': \(message)" }
}

extension EarlyStopping.Options {
  /// The keys `parse` accepts, in the order the help text lists them.
  package static let keys = [
    "monitor", "mode", "patience", "min-delta", "baseline", "start-from", "restore-best",
    "stop-on-nan", "stop-at", "diverge-at",
  ]

  /// Parses the `--early-stop` text, e.g.
  /// `patience=20,min-delta=0,restore-best,monitor=val_loss,mode=min,baseline=0.5,start-from=3`.
  ///
  /// Keys not given keep their defaults. `restore-best` and `stop-on-nan` may stand alone (true)
  /// or take `true`/`false`; `stop-at` and `diverge-at` set the stopping and divergence thresholds.
  /// Underscores are accepted for dashes (`min_delta`). Monitor names are mapped to canonical ones.
  /// - Throws: `EarlyStoppingOptionError` naming the first bad key.
  package static func parse(_ text: String) throws(EarlyStoppingOptionError) -> Self {
    var options = Self()
    for part in text.split(separator: ",", omittingEmptySubsequences: true) {
      let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      let key = pieces[0].trimmingCharacters(in: .whitespaces).replacingOccurrences(
        of: "_", with: "-")
      let value = pieces.count > 1 ? pieces[1].trimmingCharacters(in: .whitespaces) : nil
      switch key {
      case "monitor":
        guard let value, !value.isEmpty else { throw missing(key) }
        options.monitor = MetricNameMapping.canonicalName(value)
      case "mode":
        guard let value, let mode = EarlyStopping.Mode(rawValue: value) else {
          throw EarlyStoppingOptionError(key: key, message: "expected min, max or auto")
        }
        options.mode = mode
      case "patience":
        guard let value, let count = Int(value), count >= 0 else {
          throw EarlyStoppingOptionError(
            key: key, message: "expected a whole number ≥ 0, got '\(value ?? "")'")
        }
        options.patience = count
      case "min-delta": options.minDelta = try number(key, value)
      case "baseline": options.baseline = try number(key, value)
      case "stop-at": options.stoppingThreshold = try number(key, value)
      case "diverge-at": options.divergenceThreshold = try number(key, value)
      case "start-from":
        guard let value, let count = Int(value), count >= 0 else {
          throw EarlyStoppingOptionError(
            key: key, message: "expected a whole number ≥ 0, got '\(value ?? "")'")
        }
        options.startFromEpoch = count
      case "restore-best": options.restoreBestWeights = try flag(key, value)
      case "stop-on-nan": options.stopOnNonFinite = try flag(key, value)
      default:
        throw EarlyStoppingOptionError(
          key: key, message: "unknown key (known: \(keys.joined(separator: ", ")))")
      }
    }
    return options
  }

  private static func missing(_ key: String) -> EarlyStoppingOptionError {
    EarlyStoppingOptionError(key: key, message: "needs a value")
  }

  private static func number(_ key: String, _ value: String?) throws(EarlyStoppingOptionError)
    -> Double
  {
    guard let value, let number = Double(value), number.isFinite else {
      throw EarlyStoppingOptionError(key: key, message: "expected a number, got '\(value ?? "")'")
    }
    return number
  }

  private static func flag(_ key: String, _ value: String?) throws(EarlyStoppingOptionError) -> Bool
  {
    switch value {
    case nil, "true", "yes", "1": return true
    case "false", "no", "0": return false
    default:
      throw EarlyStoppingOptionError(
        key: key, message: "expected true or false, got '\(value ?? "")'")
    }
  }
}
