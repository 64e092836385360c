import Foundation

/// One metric's finite values over the epochs that logged it, with the helpers diagnosis needs.
/// Non-finite values end the series: the first one is kept in `firstNonFinite`.
struct MetricSeries {
  var epochs: [Int] = []
  var values: [Double] = []
  var firstNonFinite: (epoch: Int, value: Double)?

  var count: Int { values.count }
  var isEmpty: Bool { values.isEmpty }

  mutating func reserve(_ count: Int) {
    epochs.reserveCapacity(count)
    values.reserveCapacity(count)
  }

  mutating func append(epoch: Int, value: Double) {
    guard firstNonFinite == nil else { return }
    if value.isFinite {
      epochs.append(epoch)
      values.append(value)
    } else {
      firstNonFinite = (epoch, value)
    }
  }

  /// Trailing moving average over `window` points (shorter at the start).
  /// - Complexity: O(`count`).
  func smoothed(window: Int) -> [Double] {
    guard window > 1 else { return values }
    var out = [Double](repeating: 0, count: values.count)
    var sum = 0.0
    for i in values.indices {
      sum += values[i]
      if i >= window { sum -= values[i - window] }
      out[i] = sum / Double(min(i + 1, window))
    }
    return out
  }

  /// The smoothing window diagnosis uses for a series of `count` points: 1 to 5.
  static func window(for count: Int) -> Int { max(1, min(5, count / 8)) }

  /// The median absolute change between neighbouring points over the last `limit` changes: the
  /// typical step, used as the noise floor.
  func typicalStep(limit: Int = 256) -> Double {
    guard values.count >= 2 else { return 0 }
    let start = max(1, values.count - limit)
    var steps = (start..<values.count).map { abs(values[$0] - values[$0 - 1]) }
    steps.sort()
    return steps[steps.count / 2]
  }

  /// The index of the last point whose epoch is ≤ `epoch`, if any (epochs are ascending).
  func index(atOrBefore epoch: Int) -> Int? {
    var low = 0
    var high = epochs.count
    while low < high {
      let mid = (low + high) / 2
      if epochs[mid] <= epoch { low = mid + 1 } else { high = mid }
    }
    return low == 0 ? nil : low - 1
  }
}

/// Number formatting for evidence texts.
enum EvidenceFormat {
  /// A value with about four significant digits: `0.3124`, `12.5`, `1.2e-05`.
  static func value(_ x: Double) -> String {
    if !x.isFinite { return JSONText.number(x) }
    let magnitude = abs(x)
    if magnitude != 0 && (magnitude < 1e-3 || magnitude >= 1e6) {
      let exponent = Int(floor(log10(magnitude)))
      let mantissa = x / pow(10, Double(exponent))
      return "\(trim(String(format: "%.2f", mantissa)))e\(exponent)"
    }
    let decimals = magnitude >= 100 ? 1 : (magnitude >= 1 ? 3 : 4)
    return trim(String(format: "%.\(decimals)f", x))
  }

  /// A fraction as a whole percentage: `0.183` → `18%`; one too large for a whole number (a loss
  /// that moved 10¹⁷× its level) in `value`'s notation, `5.26e15%`, and a non-finite one as JSON.
  static func percent(_ fraction: Double) -> String {
    let scaled = (fraction * 100).rounded()
    guard scaled.isFinite, abs(scaled) < 1e15 else { return "\(value(fraction * 100))%" }
    return "\(Int(scaled))%"
  }

  /// An accuracy as a percentage with one decimal: `0.9912` → `99.1%`.
  static func accuracy(_ fraction: Double) -> String {
    String(format: "%.1f%%", fraction * 100)
  }

  private static func trim(_ text: String) -> String {
    guard text.contains(".") else { return text }
    var out = Substring(text)
    while out.last == "0" { out = out.dropLast() }
    if out.last == "." { out = out.dropLast() }
    return String(out)
  }
}
