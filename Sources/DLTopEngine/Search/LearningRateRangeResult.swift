import Foundation

/// The curve of a learning-rate range test and the rates it suggests.
package struct LearningRateRangeResult: Sendable, Equatable {
  package enum StopReason: String, Sendable, Equatable {
    /// Every planned iteration ran.
    case completed
    /// The smoothed loss exceeded the divergence factor times its minimum.
    case diverged
    /// The loss became NaN or infinite.
    case notFinite = "not-finite"
    /// The caller ended it (the user quit the dashboard while it ran).
    case cancelled
  }

  /// How a rate is picked from the curve; names as in fastai's `SuggestionMethod`.
  package enum Method: String, Sendable, CaseIterable {
    /// fastai's default (`valley`): a rate about halfway along the longest descending run of
    /// the loss, where it still falls well but far from the blow-up.
    case valley
    /// The rate where the loss falls fastest per decade of rate (`steep`; Lightning's tuner too).
    case steep
  }

  /// The rate of each recorded iteration.
  package var rates: [Double]
  /// The smoothed (debiased EMA) loss at each rate: the curve that is plotted and judged.
  package var losses: [Double]
  /// The raw batch losses.
  package var rawLosses: [Double]
  /// The planned number of iterations (the suggestions skip its first tenth).
  package var iterations: Int
  package var stopReason: StopReason

  /// The suggested rate by `method`, or nil when the curve is too short to judge.
  package func suggestion(_ method: Method) -> Double? {
    guard let index = suggestionIndex(method) else { return nil }
    return rates[index]
  }

  /// Every method's suggestion, `preferred` first, the others in `Method.allCases` order; a
  /// method the curve gives no rate for is left out.
  package func suggestions(preferring preferred: Method) -> [(method: Method, rate: Double)] {
    let order = [preferred] + Method.allCases.filter { $0 != preferred }
    return order.compactMap { method in suggestion(method).map { (method, $0) } }
  }

  /// The index into `rates` of the suggestion.
  ///
  /// As fastai: the curve is cut to `[iterations/10, count−5)` first (the start is noise, the end
  /// is the blow-up), or used whole when that leaves fewer than two points.
  package func suggestionIndex(_ method: Method) -> Int? {
    var low = iterations / 10
    var high = rates.count - 5
    if high - low < 2 {
      low = 0
      high = rates.count
    }
    guard high - low >= 2 else { return nil }
    let window = Array(losses[low..<high])
    let windowRates = Array(rates[low..<high])
    switch method {
    case .valley: return low + Self.valleyIndex(window)
    case .steep: return low + Self.steepestIndex(losses: window, rates: windowRates)
    }
  }

  /// fastai's `valley`: the longest strictly decreasing subsequence ending at some point, then the
  /// point ⌊s⌋ + ⌊s/2⌋ into it, with s a third of its length.
  static func valleyIndex(_ losses: [Double]) -> Int {
    let n = losses.count
    var lengths = Array(repeating: 1, count: n)
    var maxStart = 0
    var maxEnd = 0
    for i in 1..<n {
      for j in 0..<i {
        if losses[i] < losses[j] && lengths[i] < lengths[j] + 1 { lengths[i] = lengths[j] + 1 }
        if lengths[maxEnd] < lengths[i] {
          maxEnd = i
          maxStart = maxEnd - lengths[maxEnd]
        }
      }
    }
    let sections = Double(maxEnd - maxStart) / 3
    return min(n - 1, max(0, maxStart + Int(sections) + Int(sections / 2)))
  }

  /// fastai's `steep`: the index of the most negative `Δloss / Δlog(rate)`.
  static func steepestIndex(losses: [Double], rates: [Double]) -> Int {
    var best = 0
    var bestSlope = Double.infinity
    for i in 0..<(losses.count - 1) {
      let slope = (losses[i + 1] - losses[i]) / (log(rates[i + 1]) - log(rates[i]))
      if slope.isFinite && slope < bestSlope {
        bestSlope = slope
        best = i
      }
    }
    return best
  }
}
