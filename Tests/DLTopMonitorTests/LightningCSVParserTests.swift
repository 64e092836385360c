import Testing

@testable import DLTopMonitor

struct LightningCSVParserTests {
  static let file = "lightning_logs/version_0/metrics.csv"

  @Test func rowsAreMergedIntoOneRecordPerEpoch() {
    let items = WatchFixtures.parse(Self.file, LightningCSVParser(path: Self.file))
    let epochs = items.epochRecords
    #expect(items.issues.isEmpty)
    #expect(epochs.map(\.epoch) == [0, 1, 2, 3])
    for epoch in 0..<4 {
      for name in ["loss", "val_loss", "val_accuracy", "lr"] {
        #expect(
          closeToDouble(
            epochs[epoch].metrics[name], WatchFixtures.value("lightning", epoch: epoch, name)),
          "epoch \(epoch) \(name)")
      }
      #expect(epochs[epoch].metrics.count == 4)
    }
    #expect(epochs[3].validationLoss == 0.41)
  }

  @Test func stepRowsBecomeStepItems() {
    let items = WatchFixtures.parse(Self.file, LightningCSVParser(path: Self.file))
    let losses = items.compactMap { item -> (Int, Int?, Double)? in
      if case .step(let step, let epoch, let metrics, _) = item, let loss = metrics["loss"] {
        return (step, epoch, loss)
      }
      return nil
    }
    #expect(losses.map(\.0) == Array(0..<16))
    #expect(losses[5].1 == 1)
    #expect(losses[5].2 == 0.6666666666666666)
    let rates = items.compactMap { item -> Double? in
      if case .step(_, nil, let metrics, _) = item { metrics["lr"] } else { nil }
    }
    #expect(rates == [0.01, 0.01, 0.005, 0.005])
  }

  @Test func feedingInAnySplitGivesTheSameItems() {
    let text = String(decoding: WatchFixtures.bytes(Self.file), as: UTF8.self)
    let result = feedSplitEverywhere(text) { LightningCSVParser(path: Self.file) }
    #expect(result.allSplitsAgree)
    #expect(result.items.epochRecords.count == 4)
  }

  @Test func aBadCellIsReportedWithLineAndColumnAndTheRowSkipped() {
    let text = "epoch,step,train_loss_step,val_loss\n0,0,0.5,\n0,1,oops,\n0,1,,0.7\n1,2,0.4,\n"
    let result = feedSplitEverywhere(text) { LightningCSVParser(path: "m.csv") }
    #expect(result.allSplitsAgree)
    let issue = result.items.issues.first
    #expect(issue?.line == 3)
    #expect(issue?.field == "train_loss_step")
    #expect(issue?.description.contains("m.csv:3") == true)
    #expect(result.items.epochRecords.first?.validationLoss == 0.7)
  }

  @Test func perStepColumnsWithoutAnEpochColumnAverageIntoTheEpoch() {
    let text = "epoch,step,train_loss,val_loss\n0,0,1.0,\n0,1,0.5,\n0,1,,nan\n1,2,0.25,\n"
    var parser = LightningCSVParser(path: "m.csv")
    let items = parser.feed(Array(text.utf8)[...]) + parser.finish()
    let epochs = items.epochRecords
    #expect(epochs.first?.loss == 0.75)
    #expect(epochs.first?.validationLoss?.isNaN == true, "NaN is data")
    #expect(epochs.last?.loss == 0.25)
  }

  @Test func quotedHeaderNamesAndCRLFLinesAreRead() {
    let text = "\"epoch\",step,\"val,loss\"\r\n0,3,0.5\r\n"
    var parser = LightningCSVParser(path: "m.csv")
    let items = parser.feed(Array(text.utf8)[...]) + parser.finish()
    #expect(items.issues.isEmpty)
    #expect(items.epochRecords.first?.metrics["val,loss"] == 0.5)
  }
}
