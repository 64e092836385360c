import Foundation
import Testing

@testable import DLTopMonitor

struct DiagnoseHistoryTests {
  @Test func historyFollowsEveryExistingKeyAndHoldsTheValuesAsRead() throws {
    let log = try WatchRunReader.read(path: EcosystemFixtures.path("huggingface/out"))
    let report = DiagnoseReport(log: log)
    let document = try JSONValue.parse(report.json(history: report.history))
    guard case .object(let members) = document, case .array(let history)? = document["history"]
    else {
      Issue.record("no history")
      return
    }
    #expect(
      members.map(\.key) == [
        "source", "format", "epochs", "verdict", "verdicts", "timeline", "early_stop_epoch",
        "best_epoch",
        "history",
      ])
    let expected = EcosystemFixtures.epochs(EcosystemFixtures.value("huggingface", "epochs"))
    #expect(history.count == expected.count)
    for entry in history {
      guard case .object(let keys) = entry else { continue }
      #expect(
        Array(keys.map(\.key).prefix(6)) == [
          "epoch", "loss", "val_loss", "accuracy", "val_accuracy", "lr",
        ])
      let epoch = try #require(entry["epoch"]?.doubleValue.map { Int($0) })
      for (name, value) in expected[epoch] ?? [:] {
        #expect(closeToDouble(entry[name]?.doubleValue, value), "epoch \(epoch) \(name)")
      }
      #expect(entry["accuracy"] == .null)
    }
  }

  @Test func epochsKeepTheSourceNumberingAndNaNStaysNaN() throws {
    let runs = LogDiscovery.runs(at: EcosystemFixtures.path("mlflow/mlflow.db"))
    let log = try #require(
      runs.map(WatchRunReader.read).first { $0.epochs.last?.loss?.isNaN == true })
    let text = {
      let report = DiagnoseReport(log: log)
      return report.json(history: report.history)
    }()
    guard case .array(let history)? = try JSONValue.parse(text)["history"] else {
      Issue.record("no history")
      return
    }
    #expect(history.first?["epoch"] == .number(0))
    #expect(history.last?["loss"]?.doubleValue?.isNaN == true)
  }
}
