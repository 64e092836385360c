import Foundation
import Testing

@testable import DLTopMonitor

struct BatchSeriesSmoothingTests {
  /// TensorBoard's debiased EMA, written out as in its chart code, as the reference.
  private func tensorBoardEMA(_ values: [Double], weight: Double) -> [Double] {
    var last = 0.0
    var accumulated = 0
    return values.map { value in
      guard value.isFinite else { return value }
      last = last * weight + (1 - weight) * value
      accumulated += 1
      return last / (1 - pow(weight, Double(accumulated)))
    }
  }

  @Test func theEMAIsTakenOnEveryPointBeforeTheBucketsFoldThem() {
    var series = BatchSeries(capacity: 8)
    let values = (0..<1000).map { 1 / Double($0 / 50 + 1) + 0.2 * sin(Double($0)) }
    for value in values { series.append(value) }
    let smoothed = tensorBoardEMA(values, weight: BatchSeries.smoothingWeight)
    #expect(series.smoothedBuckets.count == series.buckets.count)
    for bucket in series.smoothedBuckets {
      let range = bucket.firstIndex..<bucket.firstIndex + bucket.count
      let mean = smoothed[range].reduce(0, +) / Double(bucket.count)
      #expect(abs(bucket.mean - mean) < 1e-9)
    }
    // Smoothing the screen's bucket means instead gives another curve.
    let ofMeans = tensorBoardEMA(series.buckets.map(\.mean), weight: BatchSeries.smoothingWeight)
    #expect(zip(ofMeans, series.smoothedBuckets).contains { abs($0 - $1.mean) > 1e-3 })
  }

  @Test func aNonFiniteValuePassesThroughWithoutPoisoningTheAverage() {
    var series = BatchSeries(capacity: 8)
    for value in [1.0, 2.0, .nan, 3.0] { series.append(value) }
    let means = series.smoothedBuckets.map(\.mean)
    let reference = tensorBoardEMA([1, 2, .nan, 3], weight: BatchSeries.smoothingWeight)
    #expect(means[2].isNaN)
    #expect(abs(means[3] - reference[3]) < 1e-12)
    #expect(abs(means[0] - 1) < 1e-12)
  }
}
