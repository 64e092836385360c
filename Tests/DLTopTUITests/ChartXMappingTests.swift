import DLTopMonitor
import Testing

@testable import DLTopTUI

/// Where values go on the epoch, step and wall-time axes (`ChartXMapping`), and the wall-time
/// axis's ticks and labels.
struct ChartXMappingTests {
  /// Epoch 1 ended at step 100 (t = 1000 + 50 s), epoch 2 at step 200 (t = 1000 + 110 s).
  let ends = [
    EpochEnd(epoch: 1, step: 100, wallTime: 1050), EpochEnd(epoch: 2, step: 200, wallTime: 1110),
  ]

  func series(_ points: [(step: Int, epoch: Double?, time: Double?)]) -> BatchSeries {
    var series = BatchSeries()
    for (index, point) in points.enumerated() {
      series.append(
        Double(index), step: point.step, stamp: StepStamp(epoch: point.epoch, wallTime: point.time))
    }
    return series
  }

  @Test func epochValuesSitAtTheirEpochTheirEndStepOrTheirEndTime() {
    let steps = series([(step: 1, epoch: nil, time: 1000)])
    let byEpoch = ChartXMapping(axis: .epoch, epochEnds: ends, series: [steps])
    let byStep = ChartXMapping(axis: .step, epochEnds: ends, series: [steps])
    let byTime = ChartXMapping(axis: .time, epochEnds: ends, series: [steps])
    #expect(byEpoch.x(epoch: 2) == 2)
    #expect(byStep.x(epoch: 2) == 200)
    #expect(byTime.timeOrigin == 1000, "the run's first record is time zero")
    #expect(byTime.x(epoch: 1) == 50)
    #expect(byTime.x(epoch: 2) == 110)
    #expect(byStep.x(epoch: 3) == nil, "an epoch whose end is unknown is not placed")
  }

  @Test func stepsWithoutAnEpochFractionAreInterpolatedBetweenEpochEnds() {
    let mapping = ChartXMapping(axis: .epoch, epochEnds: ends)
    #expect(mapping.epoch(atStep: 50) == 0.5, "from step 0 at the start of epoch 1")
    #expect(mapping.epoch(atStep: 150) == 1.5)
    #expect(mapping.epoch(atStep: 250) == 2.5, "past the last end at the last epoch's pace")
    #expect(ChartXMapping(axis: .epoch, epochEnds: []).epoch(atStep: 10) == nil)
    // Keras counts epochs from 0: its first epoch's steps sit between −1 and 0.
    let keras = ChartXMapping(
      axis: .epoch, epochEnds: [EpochEnd(epoch: 0, step: 40, wallTime: nil)])
    #expect(keras.epoch(atStep: 20) == -0.5)
  }

  @Test func aBucketSpansItsOwnStepsEpochFractionsAndTimes() throws {
    // Hugging Face logs the fraction: 0.25 and 0.5 into epoch 1 at steps 25 and 50.
    let logged = series([(step: 25, epoch: 0.25, time: 1010), (step: 50, epoch: 0.5, time: 1020)])
    let bucket = try #require(logged.downsampled(to: 1).first)
    #expect(ChartXMapping(axis: .epoch, epochEnds: ends).span(of: bucket)! == (0.25, 0.5))
    #expect(ChartXMapping(axis: .step, epochEnds: ends).span(of: bucket)! == (25, 50))
    let time = ChartXMapping(axis: .time, epochEnds: ends, series: [logged])
    #expect(time.span(of: bucket)! == (0, 10))
    // Without a logged fraction the steps are placed between the epoch ends.
    let tensorBoard = series([(step: 150, epoch: nil, time: nil)])
    let other = try #require(tensorBoard.buckets.first)
    #expect(ChartXMapping(axis: .epoch, epochEnds: ends).span(of: other)! == (1.5, 1.5))
  }

  @Test func aRunWithoutWallTimesHasNoTimeAxis() throws {
    // A trainer_state.json entry has a step and an epoch fraction but no time.
    let huggingFace = series([
      (step: 1, epoch: 0.001, time: nil), (step: 2, epoch: 0.002, time: nil),
    ])
    let noTimes = [EpochEnd(epoch: 1, step: 1000, wallTime: nil)]
    let mapping = ChartXMapping(axis: .time, epochEnds: noTimes, series: [huggingFace])
    #expect(mapping.timeOrigin == nil)
    #expect(mapping.x(epoch: 1) == nil)
    #expect(mapping.span(of: try #require(huggingFace.buckets.first)) == nil)
    var snapshot = TrainingSnapshot(
      run: RunDescription(name: "hf", source: "hf", controllable: false))
    snapshot.batchLoss = huggingFace
    snapshot.epochEnds = noTimes
    #expect(!ChartXMapping.hasWallTimes(snapshot))
    snapshot.epochEnds = ends
    #expect(ChartXMapping.hasWallTimes(snapshot))
  }

  @Test func aTrainedRunKeepsItsBatchesOverTheBatchesPerEpoch() throws {
    var trained = BatchSeries()
    for step in 0..<10 { trained.append(1, step: step, stamp: StepStamp(wallTime: Double(step))) }
    let mapping = ChartXMapping(axis: .epoch, batchesPerEpoch: 5, epochEnds: [])
    let bucket = try #require(trained.buckets.last)
    #expect(mapping.span(of: bucket)! == (1.8, 2.0))
    #expect(mapping.x(step: 5) == 1)
    #expect(ChartXMapping(axis: .step, batchesPerEpoch: 5, epochEnds: []).x(epoch: 2) == 10)
    #expect(ChartXMapping(axis: .time, epochEnds: []).x(step: 5) == nil)
  }

  @Test func theAxisCyclesThroughEpochStepAndTime() {
    #expect(ChartXAxis.epoch.next == .step)
    #expect(ChartXAxis.step.next == .time)
    #expect(ChartXAxis.time.next == .epoch)
  }

  @Test func wallTimeTicksAreWholeSecondsMinutesAndHours() {
    #expect(AxisTicks.durations(low: 0, high: 300, maxCount: 6) == [0, 60, 120, 180, 240, 300])
    #expect(AxisTicks.durations(low: 0, high: 50, maxCount: 6) == [0, 10, 20, 30, 40, 50])
    #expect(AxisTicks.durations(low: 0, high: 7200, maxCount: 3) == [0, 3600, 7200])
    #expect(AxisTicks.durationLabel(0) == "0")
    #expect(AxisTicks.durationLabel(45) == "45s")
    #expect(AxisTicks.durationLabel(90) == "1m30s")
    #expect(AxisTicks.durationLabel(3600) == "1h")
    #expect(AxisTicks.durationLabel(5400) == "1h30m")
    #expect(AxisTicks.durationLabel(90_061) == "1d1h")
  }
}
