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

  @Test func anotherWeightIsTensorBoardsEMAWhileBucketsHoldOnePoint() {
    var series = BatchSeries(capacity: 64)
    let values = (0..<50).map { 1 / Double($0 + 1) + 0.1 * sin(Double($0)) }
    for value in values { series.append(value) }
    for weight in [0.6, 0.95, 0.99] {
      let reference = tensorBoardEMA(values, weight: weight)
      let means = series.smoothedDownsampled(to: 64, weight: weight).map(\.mean)
      #expect(means.count == values.count)
      for (mean, expected) in zip(means, reference) { #expect(abs(mean - expected) < 1e-9) }
    }
    // The default weight is the one kept at full resolution (NaN stamps: compare the means).
    #expect(
      series.smoothedDownsampled(to: 64, weight: BatchSeries.smoothingWeight).map(\.mean)
        == series.smoothedDownsampled(to: 64).map(\.mean))
  }

  @Test func afterFoldingAHeavierWeightStillSmoothsMore() {
    var series = BatchSeries(capacity: 8)
    let values = (0..<400).map { 1 + ($0 % 2 == 0 ? 0.5 : -0.5) }
    for value in values { series.append(value) }
    func wiggle(_ weight: Double) -> Double {
      let means = series.smoothedDownsampled(to: 8, weight: weight).map(\.mean).dropFirst()
      return (means.max() ?? 0) - (means.min() ?? 0)
    }
    #expect(wiggle(0.99) <= wiggle(0.6) + 1e-12)
  }
}
