import Testing

@testable import DLTopMonitor

struct BatchSeriesTests {
  @Test func memoryStaysBoundedAndStatisticsSurvive() {
    var series = BatchSeries(capacity: 8)
    for i in 0..<1000 { series.append(Double(i)) }
    #expect(series.count == 1000)
    #expect(series.buckets.count <= 8)
    #expect(series.buckets.map(\.count).reduce(0, +) == 1000)
    #expect(series.buckets.first?.min == 0)
    #expect(series.buckets.last?.max == 999)
    let total = series.buckets.map(\.sum).reduce(0, +)
    #expect(total == Double(999 * 1000 / 2))
  }

  @Test func downsamplingCoversEveryPoint() {
    var series = BatchSeries(capacity: 64)
    for i in 0..<50 { series.append(Double(i)) }
    let columns = series.downsampled(to: 7)
    #expect(columns.count == 7)
    #expect(columns.map(\.count).reduce(0, +) == 50)
  }
}
