import Foundation
import Testing

@testable import DLTopMonitor

/// Per-step series keep their own x: the source's step, its fractional epoch and its wall time,
/// and each epoch says where it ended, so charts can put both on a step, epoch or time axis.
struct StepPositionTests {
  @Test func bucketsKeepTheStepsEpochsAndTimesOfTheirFirstAndLastPoints() {
    var series = BatchSeries(capacity: 4)
    for i in 0..<10 {
      series.append(
        Double(i), step: 100 + 10 * i,
        stamp: StepStamp(epoch: Double(i) / 10, wallTime: 5 + Double(i)))
    }
    #expect(series.buckets.count <= 4)
    #expect(series.buckets.first?.firstStep == 100)
    #expect(series.buckets.last?.lastStep == 190)
    #expect(series.buckets.first?.firstEpoch == 0)
    #expect(series.buckets.last?.lastEpoch == 0.9)
    #expect(series.buckets.first?.firstTime == 5)
    #expect(series.buckets.last?.lastTime == 14)
    // Consecutive buckets tile the steps.
    for (a, b) in zip(series.buckets, series.buckets.dropFirst()) {
      #expect(b.firstStep == a.lastStep + 10)
    }
    #expect(series.smoothedBuckets.map(\.lastStep) == series.buckets.map(\.lastStep))
    // Without a step the index stands for it; without a stamp the epoch and time are unknown.
    var plain = BatchSeries()
    plain.append(1)
    plain.append(2)
    #expect(plain.buckets.map(\.firstStep) == [0, 1])
    #expect(plain.buckets.allSatisfy { $0.firstTime.isNaN && $0.firstEpoch.isNaN })
  }

  @Test func aFineTuningRunsStepsKeepTheirStepAndEpochFractionButHaveNoTime() throws {
    let log = try WatchRunReader.read(path: EcosystemFixtures.path("huggingface_finetune/out"))
    guard case .array(let steps)? = EcosystemFixtures.value("huggingface_finetune", "steps") else {
      Issue.record("no steps in expected.json")
      return
    }
    #expect(steps.count > 1900, "every step logged")
    #expect(log.steps.count == steps.count)
    var wrong = 0
    for (read, logged) in zip(log.steps, steps) {
      let sameStep = read.step == logged["step"]?.intValue
      let sameEpoch = read.stamp.epoch == logged["epoch"]?.doubleValue
      let sameLoss = closeToDouble(read.metrics["loss"], logged["loss"]?.doubleValue)
      let sameRate = closeToDouble(read.metrics["lr"], logged["lr"]?.doubleValue)
      if !(sameStep && sameEpoch && sameLoss && sameRate) { wrong += 1 }
    }
    #expect(wrong == 0)
    #expect(log.steps.allSatisfy { $0.stamp.wallTime == nil }, "trainer_state.json has no times")
    let epochs = EcosystemFixtures.epochs(EcosystemFixtures.value("huggingface_finetune", "epochs"))
    #expect(log.epochs.map(\.epoch) == [1, 2])
    #expect(
      log.epochEnds.map(\.epoch) == [1, 2]
        && log.epochEnds.map(\.step) == [1, 2].map { epochs[$0]?["step"].map { Int($0) } })
    #expect(log.epochEnds.allSatisfy { $0.wallTime == nil })
  }

  @Test func tensorBoardStepsAndEpochsCarryStepsAndWallTimes() throws {
    let folder = EcosystemFixtures.string("lightning_tb", "folder")
    let log = try WatchRunReader.read(path: EcosystemFixtures.path(folder))
    #expect(log.steps.allSatisfy { $0.stamp.wallTime != nil })
    #expect(log.epochEnds.map(\.epoch) == Array(0..<10))
    let endSteps = log.epochEnds.compactMap(\.step)
    #expect(endSteps.count == 10)
    #expect(endSteps == endSteps.sorted() && Set(endSteps).count == 10)
    // Every per-step point of epoch e comes before e's end and after the previous end.
    let lastStep = try #require(log.steps.map(\.step).max())
    #expect(lastStep <= endSteps.last!)
    let times = log.epochEnds.compactMap(\.wallTime)
    #expect(times.count == 10 && times == times.sorted())
  }

  @Test func theOtherLoggersGiveWallTimes() throws {
    let mlflow = try WatchRunReader.read(path: EcosystemFixtures.path("mlflow/mlruns"))
    #expect(!mlflow.epochEnds.isEmpty && mlflow.epochEnds.allSatisfy { $0.wallTime != nil })
    let trackio = WatchRunReader.readRuns(at: EcosystemFixtures.path("trackio/tiny.db"))
    #expect(!trackio.isEmpty)
    for run in trackio {
      #expect(!run.epochEnds.isEmpty && run.epochEnds.allSatisfy { $0.wallTime != nil })
    }
  }

  @Test func isoTimestampsAreReadAsUnixSeconds() throws {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    for text in [
      "2026-12-01T22:54:00.656868+00:00", "2024-02-29T00:00:00.5Z", "1999-12-31T23:59:59-05:30",
    ] {
      let seconds = try #require(ISOTimestamp.seconds(text))
      let reference = try #require(
        formatter.date(from: text) ?? ISO8601DateFormatter().date(from: text))
      #expect(abs(seconds - reference.timeIntervalSince1970) < 1e-3, "\(text)")
    }
    #expect(ISOTimestamp.seconds("2026-12-01 22:54:00") == 1_796_165_640)
    #expect(ISOTimestamp.seconds("yesterday") == nil)
    #expect(ISOTimestamp.seconds("2026-13-01T00:00:00") == nil)
  }
}
