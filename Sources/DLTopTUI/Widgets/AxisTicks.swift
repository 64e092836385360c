import Foundation

/// "Nice" tick positions (1, 2, 5 × 10ⁿ steps) for chart axes.
package enum AxisTicks {
  /// Ticks inside `low…high`, at most `maxCount` of them.
  package static func nice(low: Double, high: Double, maxCount: Int, integer: Bool = false) -> [Double] {
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
}
