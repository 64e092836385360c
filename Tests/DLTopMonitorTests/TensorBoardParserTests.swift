import DLTopBenchSupport
import Foundation
import Testing

@testable import DLTopMonitor

struct TensorBoardParserTests {
  @Test func tensorboardXSimpleValuesBecomeEpochs() {
    let file = WatchFixtures.string("tbx", "file") ?? ""
    let items = WatchFixtures.parse(file, TensorBoardParser(path: WatchFixtures.path(file)))
    let epochs = items.epochRecords
    #expect(epochs.map(\.epoch) == [0, 1, 2, 3, 4])
    #expect(items.issues.isEmpty)
    for epoch in 0..<5 {
      for name in ["loss", "val_loss", "accuracy", "lr"] {
        #expect(
          closeToFloat(epochs[epoch].metrics[name], WatchFixtures.value("tbx", epoch: epoch, name)))
      }
    }
    #expect(closeToFloat(epochs[3].validationLoss, 0.45))
    #expect(epochs[0].metrics["grad_norm"] == 3.0)
    #expect(epochs[0].metrics.count == 5, "images, histograms and text are skipped")
  }

  @Test func tensorFlowTensorSummariesBecomeEpochs() {
    let file = WatchFixtures.string("tf2", "file") ?? ""
    let items = WatchFixtures.parse(file, TensorBoardParser(path: WatchFixtures.path(file)))
    let epochs = items.epochRecords
    #expect(epochs.map(\.epoch) == [0, 1, 2, 3])
    #expect(items.issues.isEmpty)
    for epoch in 0..<4 {
      #expect(closeToFloat(epochs[epoch].loss, WatchFixtures.value("tf2", epoch: epoch, "loss")))
      #expect(
        closeToFloat(
          epochs[epoch].validationLoss, WatchFixtures.value("tf2", epoch: epoch, "val_loss")))
    }
    #expect(
      Set(epochs[0].metrics.keys) == ["loss", "val_loss", "loss64"], "histogram and text skipped")
  }

  @Test func kerasTrainFolderGivesLossAccuracyAndBatchSteps() {
    let file = WatchFixtures.eventFile(in: "keras_tb/train")
    let items = WatchFixtures.parse(file, TensorBoardParser(path: WatchFixtures.path(file)))
    let epochs = items.epochRecords
    #expect(epochs.map(\.epoch) == [0, 1, 2, 3, 4])
    for epoch in 0..<5 {
      #expect(closeToFloat(epochs[epoch].loss, WatchFixtures.value("keras", epoch: epoch, "loss")))
      #expect(
        closeToFloat(epochs[epoch].accuracy, WatchFixtures.value("keras", epoch: epoch, "accuracy"))
      )
      #expect(closeToFloat(epochs[epoch].learningRate, 0.01))
    }
    let steps = items.expandingStepValues.compactMap { item -> (Int, [String: Double])? in
      if case .step(let step, _, let metrics, _) = item { (step, metrics) } else { nil }
    }
    #expect(steps.contains { $0.1["loss"] != nil }, "batch_loss gives per-step loss")
    #expect(epochs[0].seconds == nil, "the first epoch has no previous epoch to time from")
    #expect(epochs.dropFirst().allSatisfy { ($0.seconds ?? -1) >= 0 })
  }

  @Test func kerasValidationFolderGivesValidationMetrics() {
    let file = WatchFixtures.eventFile(in: "keras_tb/validation")
    let items = WatchFixtures.parse(file, TensorBoardParser(path: WatchFixtures.path(file)))
    let epochs = items.epochRecords
    #expect(epochs.map(\.epoch) == [0, 1, 2, 3, 4])
    #expect(
      closeToFloat(epochs[3].validationLoss, WatchFixtures.value("keras", epoch: 3, "val_loss")))
    #expect(
      closeToFloat(
        epochs[4].validationAccuracy, WatchFixtures.value("keras", epoch: 4, "val_accuracy")))
    #expect(epochs.allSatisfy { $0.loss == nil })
  }

  @Test func feedingInAnySplitGivesTheSameItems() {
    let file = WatchFixtures.eventFile(in: "keras_tb/validation")
    let bytes = WatchFixtures.bytes(file)
    let whole = WatchFixtures.parse(file, TensorBoardParser(path: file))
    #expect(!whole.isEmpty)
    for cut in 0...bytes.count {
      var parser = TensorBoardParser(path: file)
      let split = parser.feed(bytes[..<cut]) + parser.feed(bytes[cut...]) + parser.finish()
      #expect(sameItems(split, whole), "split at \(cut)")
    }
  }

  @Test func byteByByteFeedingGivesTheSameItems() {
    let file = WatchFixtures.string("tf2", "file") ?? ""
    let bytes = WatchFixtures.bytes(file)
    let whole = WatchFixtures.parse(file, TensorBoardParser(path: file))
    var parser = TensorBoardParser(path: file)
    var items: [LogItem] = []
    for index in bytes.indices { items += parser.feed(bytes[index...index]) }
    items += parser.finish()
    #expect(sameItems(items, whole))
  }

  @Test func pendingEpochShowsTheLastEpochBeforeFinish() {
    let file = WatchFixtures.string("tbx", "file") ?? ""
    var parser = TensorBoardParser(path: file)
    let items = parser.feed(WatchFixtures.bytes(file)[...])
    #expect(items.epochRecords.map(\.epoch) == [0, 1, 2, 3])
    #expect(parser.pendingEpochs.map(\.epoch) == [4])
    #expect(parser.finish().epochRecords.map(\.epoch) == [4])
    #expect(parser.pendingEpochs.isEmpty)
  }
}

struct TensorBoardStepValuesTests {
  @Test func perStepValuesComeInOneBatchBetweenEpochItems() {
    // 1000 `batch_loss` steps, then four `epoch_*` scalars, twice.
    let bytes = WatchBenchmark.eventFile(points: 2008)
    var parser = TensorBoardParser(path: "bench/train/events.out.tfevents.0", context: .train)
    let items = parser.feed(bytes[...]) + parser.finish()
    let batches = items.compactMap { if case .stepValues(let values) = $0 { values } else { nil } }
    #expect(batches.map(\.points.count) == [1000, 1000])
    #expect(batches.allSatisfy { $0.names == ["loss"] })
    #expect(batches[1].points.first?.step == 1000)
    #expect(batches[1].points.first?.wallTime == 1.7e9 + 1000)
    guard case .stepValues = items.first else {
      Issue.record("the first item is the first epoch's steps: \(items.prefix(1))")
      return
    }
    let ends = items.compactMap { if case .epochEnd(let end) = $0 { end } else { nil } }
    #expect(ends.first?.step == 999, "epoch 0 ends at the last step before its scalars")
    #expect(items.epochRecords.map(\.epoch) == [0, 1])
  }

  @Test func aBatchStandsForOneStepItemPerValue() {
    let bytes = WatchBenchmark.eventFile(points: 30)
    var parser = TensorBoardParser(path: "bench/train/events.out.tfevents.0", context: .train)
    let expanded = (parser.feed(bytes[...]) + parser.finish()).expandingStepValues
    let steps = expanded.compactMap { item -> (Int, [String: Double], StepStamp)? in
      if case .step(let step, nil, let metrics, let stamp) = item {
        (step, metrics, stamp)
      } else {
        nil
      }
    }
    #expect(steps.map(\.0) == Array(0..<30))
    #expect(steps.allSatisfy { $0.1.keys.sorted() == ["loss"] })
    #expect(steps.map(\.2.wallTime) == (0..<30).map { 1.7e9 + Double($0) })
    var log = ParsedLog(path: "e", format: .tensorBoard)
    log.append(expanded)
    var batched = ParsedLog(path: "e", format: .tensorBoard)
    var again = TensorBoardParser(path: "bench/train/events.out.tfevents.0", context: .train)
    batched.append(again.feed(bytes[...]) + again.finish())
    #expect(batched == log)
  }
}
