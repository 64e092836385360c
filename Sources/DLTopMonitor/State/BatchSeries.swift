/// A per-batch series in bounded memory: values are folded into at most `capacity` buckets, each
/// keeping min, mean and max. When full, neighbouring buckets merge pairwise and each new bucket
/// spans twice as many points, so memory and drawing cost stay constant over millions of batches.
///
/// Each bucket keeps the x of its first and last point on every axis a chart can use: the step
/// (the source's own global step, else the point's index), the fractional epoch and the wall time
/// (NaN where the source gives none), so a series keeps its own x however far it is folded.
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
    /// The steps of the first and last point.
    package var firstStep: Int
    package var lastStep: Int
    /// The fractional epochs of the first and last point (NaN when the source logs none).
    package var firstEpoch = Double.nan
    package var lastEpoch = Double.nan
    /// The wall times of the first and last point (NaN when the source records none).
    package var firstTime = Double.nan
    package var lastTime = Double.nan

    /// A bucket of one point.
    init(index: Int, value: Double, step: Int, stamp: StepStamp) {
      firstIndex = index
      count = 1
      min = value
      max = value
      sum = value
      last = value
      firstStep = step
      lastStep = step
      firstEpoch = stamp.epoch ?? .nan
      lastEpoch = firstEpoch
      firstTime = stamp.wallTime ?? .nan
      lastTime = firstTime
    }

    /// The same points summing to `sum` instead, with its mean as min, max and last (a bucket
    /// of the smoothed series).
    package func holding(sum: Double) -> Bucket {
      var copy = self
      copy.sum = sum
      copy.min = copy.mean
      copy.max = copy.mean
      copy.last = copy.mean
      return copy
    }

    mutating func fold(_ other: Bucket) {
      count += other.count
      min = Swift.min(min, other.min)
      max = Swift.max(max, other.max)
      sum += other.sum
      last = other.last
      lastStep = other.lastStep
      if firstEpoch.isNaN { firstEpoch = other.firstEpoch }
      if !other.lastEpoch.isNaN { lastEpoch = other.lastEpoch }
      if firstTime.isNaN { firstTime = other.firstTime }
      if !other.lastTime.isNaN { lastTime = other.lastTime }
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
  /// The sums of the same points smoothed by TensorBoard's debiased EMA at full resolution
  /// (before any folding into buckets), one per bucket of `buckets`; see
  /// `BatchSeries+Smoothing.swift`. Only the sums: a smoothed bucket is drawn by its mean.
  private(set) var smoothedSums: [Double] = []
  /// The running EMA state of `smoothedSums`.
  var smoothing = SmoothingState()

  package init(capacity: Int = 4096) {
    precondition(capacity >= 4 && capacity % 2 == 0, "BatchSeries capacity must be even and ≥ 4")
    self.capacity = capacity
  }

  /// Appends one value. Non-finite values are stored too (as NaN/±inf extremes); drawing skips them.
  /// - Parameters:
  ///   - step: the point's global step as the source counts it; nil uses its index.
  ///   - stamp: its fractional epoch and wall time, where the source records them.
  /// - Complexity: amortized O(1).
  package mutating func append(_ value: Double, step: Int? = nil, stamp: StepStamp = StepStamp()) {
    last = value
    let point = Bucket(index: count, value: value, step: step ?? count, stamp: stamp)
    let smooth = smoothing.next(value)
    count += 1
    if var tail = buckets.last, tail.count < pointsPerBucket {
      tail.fold(point)
      buckets[buckets.count - 1] = tail
      smoothedSums[smoothedSums.count - 1] += smooth
      return
    }
    if buckets.count == capacity { mergePairs() }
    buckets.append(point)
    smoothedSums.append(smooth)
  }

  private mutating func mergePairs() {
    buckets = Self.mergedPairs(buckets, capacity: capacity)
    var sums: [Double] = []
    sums.reserveCapacity(capacity)
    var i = 0
    while i + 1 < smoothedSums.count {
      sums.append(smoothedSums[i] + smoothedSums[i + 1])
      i += 2
    }
    if i < smoothedSums.count { sums.append(smoothedSums[i]) }
    smoothedSums = sums
    pointsPerBucket *= 2
  }

  /// The same history in a series that holds up to `capacity` buckets from now on: the points
  /// already folded keep their buckets, new points fill the room before the next merge. A run
  /// followed in the background keeps few buckets; the run on screen gets more when shown.
  package func resized(capacity: Int) -> BatchSeries {
    guard capacity > self.capacity else { return self }
    var copy = BatchSeries(capacity: capacity)
    copy.buckets = buckets
    copy.pointsPerBucket = pointsPerBucket
    copy.count = count
    copy.last = last
    copy.smoothedSums = smoothedSums
    copy.smoothing = smoothing
    return copy
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

  package static func downsampled(_ buckets: [Bucket], to width: Int) -> [Bucket] {
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
