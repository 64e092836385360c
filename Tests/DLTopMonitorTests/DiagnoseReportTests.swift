import Foundation
import Testing

@testable import DLTopMonitor

struct DiagnoseReportTests {
  /// A Keras CSV (epochs from 0) whose val_loss turns up at epoch 18.
  static func overfittingCSV() -> String {
    var text = "epoch,accuracy,loss,val_accuracy,val_loss\n"
    for epoch in 0..<40 {
      let t = Double(epoch)
      let loss = 1.5 * exp(-t / 8) + 0.02
      let val = 1.5 * exp(-t / 8) + 0.2 + (t > 12 ? 0.02 * (t - 12) : 0)
      text += "\(epoch),\(1 - loss / 2),\(loss),\(1 - val / 2),\(val)\n"
    }
    return text
  }

  @Test func theJSONDocumentHasTheDocumentedKeysInOrderAndSourceNumbering() throws {
    let folder = TemporaryDirectory()
    defer { folder.remove() }
    let path = folder.file("training.log")
    try Self.overfittingCSV().write(toFile: path, atomically: true, encoding: .utf8)
    let report = DiagnoseReport(
      log: try LogFileReader.read(path: path), options: .init(patience: 5))
    let document = try JSONValue.parse(report.json)
    guard case .object(let members) = document else {
      Issue.record("not an object")
      return
    }
    #expect(
      members.map(\.key) == [
        "source", "format", "epochs", "verdict", "verdicts", "timeline", "early_stop_epoch",
        "best_epoch",
      ])
    #expect(document["source"] == .string(path))
    #expect(document["format"] == .string("keras-csv"))
    #expect(document["epochs"] == .number(40))
    #expect(document["verdict"] == .string("overfitting"))
    #expect(document["best_epoch"] == .number(18))
    #expect(document["early_stop_epoch"] == .number(23))
    guard case .array(let verdicts) = document["verdicts"], case .object(let first) = verdicts.first
    else {
      Issue.record("no verdicts")
      return
    }
    #expect(first.map(\.key) == ["kind", "onset_epoch", "confidence", "evidence", "advice"])
    #expect(verdicts.first?["kind"] == .string("overfitting"))
    #expect(report.text.contains("verdict: overfitting"))
    #expect(
      report.text.contains(
        "early stopping (val_loss, patience 5): would stop at epoch 23; best epoch 18"))
  }

  @Test func nothingToReportIsNullNotZero() {
    var log = ParsedLog(path: "short.jsonl", format: .jsonLines)
    log.epochs = [
      EpochRecord(epoch: 1, metrics: ["loss": 1]), EpochRecord(epoch: 2, metrics: ["loss": 0.9]),
    ]
    let report = DiagnoseReport(log: log)
    #expect(
      report.json.hasPrefix(
        #"{"source":"short.jsonl","format":"jsonl","epochs":2,"verdict":"too_early","verdicts":[{"kind":"too_early","onset_epoch":null,"confidence":0.5,"#
      ))
    #expect(report.json.hasSuffix(#""early_stop_epoch":null,"best_epoch":2}"#))
    #expect(report.monitor == "loss")
    #expect(report.patience == 20)
  }

  @Test func aDivergedRunStopsAtTheNaNAndIssuesAreListed() throws {
    let text = "epoch,loss,val_loss\n0,2.0,2.1\n1,1.5,1.6\n2,bad,1.4\n3,nan,nan\n"
    let log = LogFileReader.parse(bytes: Array(text.utf8)[...], path: "run.csv", format: .kerasCSV)
    let report = DiagnoseReport(log: log)
    #expect(report.verdict == .divergence)
    #expect(report.earlyStopEpoch == 3)
    #expect(report.bestEpoch == 1)
    #expect(report.verdicts.first?.onsetEpoch == 3)
    #expect(report.text.contains("run.csv:4: field 'loss': column 2: 'bad' is not a number"))
  }
}
