/// A per-batch series in bounded memory: values are folded into at most `capacity` buckets, each
/// keeping min, mean and max. When full, neighbouring buckets merge pairwise and each new bucket
/// spans twice as many points, so memory and drawing cost stay constant over millions of batches.
package struct BatchSeries: Sendable, Equatable {
  /// One bucket of consecutive points `firstIndex ..< firstIndex + count`.
  package struct Bucket: Sendable, Equatable {
    package var firstIndex: Int
    package var count: Int
    package var min: Double
    package var max: Double
    package var sum: Double
    package var mean: Double { count == 0 ? .nan : sum / Double(count) }
    /// The last value folded in (used for "current" readouts).
    package var last: Double

    mutating func fold(_ other: Bucket) {
      count += other.count
      min = Swift.min(min, other.min)
      max = Swift.max(max, other.max)
      sum += other.sum
      last = other.last
    }
  }

  package let capacity: Int
  package private(set) var buckets: [Bucket] = []
  /// Points per full bucket; doubles each time the buckets are merged.
  package private(set) var pointsPerBucket = 1
  /// How many values were appended in total.
  package private(set) var count = 0
  /// The newest value appended.
  package private(set) var last: Double?
  /// The same points smoothed by TensorBoard's debiased EMA at full resolution (before any
  /// folding into buckets), in buckets aligned with `buckets`; see `BatchSeries+Smoothing.swift`.
  package private(set) var smoothedBuckets: [Bucket] = []
  /// The running EMA state of `smoothedBuckets`.
  var smoothing = SmoothingState()

  package init(capacity: Int = 4096) {
    precondition(capacity >= 4 && capacity % 2 == 0, "BatchSeries capacity must be even and ≥ 4")
    self.capacity = capacity
    buckets.reserveCapacity(capacity)
  }

  /// Appends one value. Non-finite values are stored too (as NaN/±inf extremes); drawing skips them.
  /// - Complexity: amortized O(1).
  package mutating func append(_ value: Double) {
    last = value
    let point = Bucket(firstIndex: count, count: 1, min: value, max: value, sum: value, last: value)
    let smooth = smoothing.next(value)
    let smoothPoint = Bucket(
      firstIndex: count, count: 1, min: smooth, max: smooth, sum: smooth, last: smooth)
    count += 1
    if var tail = buckets.last, tail.count < pointsPerBucket {
      tail.fold(point)
      buckets[buckets.count - 1] = tail
      smoothedBuckets[smoothedBuckets.count - 1].fold(smoothPoint)
      return
    }
    if buckets.count == capacity { mergePairs() }
    buckets.append(point)
    smoothedBuckets.append(smoothPoint)
  }

  private mutating func mergePairs() {
    buckets = Self.mergedPairs(buckets, capacity: capacity)
    smoothedBuckets = Self.mergedPairs(smoothedBuckets, capacity: capacity)
    pointsPerBucket *= 2
  }

  private static func mergedPairs(_ buckets: [Bucket], capacity: Int) -> [Bucket] {
    var merged: [Bucket] = []
    merged.reserveCapacity(capacity)
    var i = 0
    while i + 1 < buckets.count {
      var pair = buckets[i]
      pair.fold(buckets[i + 1])
      merged.append(pair)
      i += 2
    }
    if i < buckets.count { merged.append(buckets[i]) }
    return merged
  }

  /// The series folded into at most `width` buckets, for drawing `width` columns.
  /// - Complexity: O(`buckets.count`).
  package func downsampled(to width: Int) -> [Bucket] {
    Self.downsampled(buckets, to: width)
  }

  static func downsampled(_ buckets: [Bucket], to width: Int) -> [Bucket] {
    guard width > 0, !buckets.isEmpty else { return [] }
    if buckets.count <= width { return buckets }
    var out: [Bucket] = []
    out.reserveCapacity(width)
    for column in 0..<width {
      let start = column * buckets.count / width
      let end = Swift.max(start + 1, (column + 1) * buckets.count / width)
      var bucket = buckets[start]
      for j in (start + 1)..<end { bucket.fold(buckets[j]) }
      out.append(bucket)
    }
    return out
  }
}
