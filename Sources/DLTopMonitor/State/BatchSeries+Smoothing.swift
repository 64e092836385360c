import Foundation

/// TensorBoard's smoothing, applied where TensorBoard applies it: to every logged point, before
/// the series is folded into buckets for the screen. Smoothing the bucket means instead (what a
/// chart sees) would make the curve depend on the terminal's width and on how far the buckets were
/// merged, and would smooth over 0.9ᵏ of a bucket rather than of a step.
extension BatchSeries {
  /// The EMA's weight: TensorBoard's smoothing slider at 0.9, a common choice for per-step loss.
  package static let smoothingWeight = 0.9

  /// The debiased EMA's running state: `s_t = w·s_{t−1} + (1−w)·x_t`, shown as `s_t / (1 − w^t)`,
  /// `t` counting finite values only; a non-finite value passes through without entering it
  /// (TensorBoard's `vz_line_chart` does the same).
  struct SmoothingState: Sendable, Equatable {
    var average = 0.0
    var steps = 0
    var weightPower = 1.0

    mutating func next(_ value: Double, weight: Double = BatchSeries.smoothingWeight) -> Double {
      guard value.isFinite else { return value }
      steps += 1
      average = weight * average + (1 - weight) * value
      weightPower *= weight
      let debias = 1 - weightPower
      return debias > 0 ? average / debias : value
    }
  }

  /// The smoothed series in buckets aligned with `buckets` (each drawn by its mean).
  package var smoothedBuckets: [Bucket] {
    zip(buckets, smoothedSums).map { $0.holding(sum: $1) }
  }

  /// The smoothed series folded into at most `width` buckets, aligned with `downsampled(to:)`.
  package func smoothedDownsampled(to width: Int) -> [Bucket] {
    Self.downsampled(smoothedBuckets, to: width)
  }

  /// The series smoothed with another `weight` (the dashboard's smoothing slider), folded into at
  /// most `width` buckets. Only `smoothingWeight` is kept at full resolution (one more sum per
  /// bucket per weight would multiply the memory of every followed run); any other weight smooths
  /// the stored bucket means with `weight^k` for buckets of `k` points — exact while each bucket
  /// holds one point, TensorBoard's per-step EMA approximated once they hold more.
  package func smoothedDownsampled(to width: Int, weight: Double) -> [Bucket] {
    guard weight != Self.smoothingWeight else { return smoothedDownsampled(to: width) }
    let perBucket = pow(weight, Double(pointsPerBucket))
    var state = SmoothingState()
    let smoothed = buckets.map { bucket in
      bucket.holding(sum: state.next(bucket.mean, weight: perBucket) * Double(bucket.count))
    }
    return Self.downsampled(smoothed, to: width)
  }
}
