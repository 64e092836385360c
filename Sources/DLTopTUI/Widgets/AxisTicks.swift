import Foundation

/// "Nice" tick positions (1, 2, 5 × 10ⁿ steps) for chart axes.
package enum AxisTicks {
  /// Ticks inside `low…high`, at most `maxCount` of them.
  package static func nice(low: Double, high: Double, maxCount: Int, integer: Bool = false)
    -> [Double]
  {
    guard low.isFinite, high.isFinite, maxCount >= 1 else { return [] }
    guard high > low else { return [low] }
    let rawStep = (high - low) / Double(max(1, maxCount))
    let magnitude = pow(10, floor(log10(rawStep)))
    var step = magnitude * 10
    for factor in [1.0, 2.0, 5.0, 10.0] where magnitude * factor >= rawStep {
      step = magnitude * factor
      break
    }
    if integer { step = max(1, step.rounded(.up)) }
    var ticks: [Double] = []
    var tick = (low / step).rounded(.up) * step
    while tick <= high + step * 1e-9 && ticks.count <= maxCount {
      ticks.append(abs(tick) < step * 1e-9 ? 0 : tick)
      tick += step
    }
    return ticks
  }

  /// Ticks for a log10 axis between `low` and `high` (in log10 units): the densest of
  /// {1…9}·10ⁿ, {1, 2, 5}·10ⁿ, {1, 3}·10ⁿ, 1·10ⁿ that stays within `maxCount`, returned as
  /// log10 values.
  package static func logarithmic(low: Double, high: Double, maxCount: Int) -> [Double] {
    guard low.isFinite, high.isFinite, high > low, maxCount >= 1 else { return [] }
    let mantissaSets: [[Double]] = [[1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 5], [1, 3], [1]]
    var best: [Double] = []
    for mantissas in mantissaSets {
      var ticks: [Double] = []
      for exponent in Int(floor(low))...Int(ceil(high)) {
        for m in mantissas {
          let t = log10(m) + Double(exponent)
          if t >= low - 1e-9 && t <= high + 1e-9 { ticks.append(t) }
        }
      }
      best = ticks
      if ticks.count <= maxCount { break }
    }
    if best.count < 2 { return nice(low: low, high: high, maxCount: maxCount) }
    return best
  }

  /// A tick label with as many decimals as the tick step needs (`0.25`, `0.5`, `1`, `1.5`),
  /// `k`/`M` for large values and `1e-4` for tiny ones.
  package static func label(_ value: Double, step: Double) -> String {
    if value == 0 { return "0" }
    let magnitude = abs(value)
    if magnitude >= 10_000 { return NumberFormat.compact(value) }
    let step = step > 0 && step.isFinite ? step : magnitude
    if magnitude < 0.001 || step < 0.001 {
      // Enough mantissa decimals to tell neighbouring ticks apart: 9.5e-4, 1e-3, 1.05e-3.
      let digits = Int(log10(magnitude).rounded(.down)) - Int(log10(step).rounded(.down))
      return NumberFormat.scientific(value, decimals: max(1, min(4, digits)))
    }
    var decimals = 0
    while decimals < 4 {
      let scaled = step * pow(10, Double(decimals))
      if abs(scaled - scaled.rounded()) < 1e-6 * max(1, scaled) { break }
      decimals += 1
    }
    return NumberFormat.fixed(value, decimals)
  }
}
