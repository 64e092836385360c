import DLTopBenchSupport
import Testing

@testable import DLTopMonitor

/// Checks that the benchmark's inputs parse cleanly (its speed is printed by dltop-bench, not tested).
struct WatchBenchmarkTests {
  @Test func syntheticEventFileParsesIntoEpochsAndSteps() {
    let result = WatchBenchmark.tensorBoard(megabytes: 1)
    #expect(result.steps > 10_000)
    #expect(result.epochs == result.steps / 1000)
    var parser = TensorBoardParser(path: "bench/train/events", context: .train)
    let items =
      parser.feed(WatchBenchmark.syntheticEventFile(bytes: 100_000)[...]) + parser.finish()
    #expect(items.issues.isEmpty)
    #expect(
      items.epochRecords.first?.metrics == [
        "loss": 0.5, "accuracy": Double(Float(0.8)),
        "lr": Double(Float(0.001)), "epoch_steps_per_second": 120,
      ])
  }

  @Test func syntheticMetricsCSVParsesIntoEpochsAndSteps() {
    let result = WatchBenchmark.lightningCSV(megabytes: 1)
    #expect(result.epochs > 10)
    #expect(result.steps > 10_000)
    var parser = LightningCSVParser(path: "bench/metrics.csv")
    let items =
      parser.feed(WatchBenchmark.syntheticMetricsCSV(bytes: 100_000)[...]) + parser.finish()
    #expect(items.issues.isEmpty)
    #expect(items.epochRecords.first?.loss == 0.7)
    #expect(items.epochRecords.first?.learningRate == 0.001)
  }
}

struct WatchBenchmarkFileTests {
  @Test func syntheticLogsWrittenToDiskAreFollowedToTheEnd() throws {
    let folder = WatchTestFolder()
    let paths = try WatchBenchmark.writeSyntheticLogs(into: folder.path, megabytes: 1)
    let results = paths.compactMap { WatchBenchmark.follow(path: $0) }
    #expect(results.map(\.label) == ["follow tensorboard", "follow lightning-csv"])
    #expect(results.allSatisfy { $0.bytes > 1_000_000 && $0.steps > 10_000 && $0.epochs > 10 })
  }
}
