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
}
