import Foundation

/// Transforms applied to chart values before drawing.
package enum Smoothing {
  /// Debiased exponential moving average (TensorBoard's smoothing): `s_t = w·s_{t−1} + (1−w)·x_t`,
  /// divided by `1 − w^t`. Non-finite values are passed through and do not enter the average.
  package static func ema(_ values: [Double], weight: Double = 0.6) -> [Double] {
    var average = 0.0
    var steps = 0
    return values.map { value in
      guard value.isFinite else { return value }
      steps += 1
      average = weight * average + (1 - weight) * value
      let debias = 1 - pow(weight, Double(steps))
      return debias > 0 ? average / debias : value
    }
  }

  /// `log10` for the log-scale axis; nil for values that cannot be drawn on it (≤ 0, NaN).
  package static func logValue(_ value: Double) -> Double? {
    value > 0 && value.isFinite ? log10(value) : nil
  }
}
