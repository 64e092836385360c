import Foundation
import Testing

@testable import DLTopMonitor

/// Issue 15: appended runs are never mixed, and a monitor that does not exist is named as such.
struct LogSanityTests {
  private func epochs(_ numbers: [Int]) -> [EpochRecord] {
    numbers.enumerated().map { EpochRecord(epoch: $1, metrics: ["loss": Double($0)]) }
  }

  @Test func anAppendedRunReplacesTheEarlierOneAndSaysSo() {
    let (kept, issues) = EpochRestart.resolve(epochs([0, 1, 2, 0, 1]), path: "training.log")
    #expect(kept.map(\.epoch) == [0, 1])
    #expect(kept.map { $0.metrics["loss"] } == [3, 4])
    #expect(issues.count == 1)
    #expect(issues.first?.message.contains("another run was appended") == true)
  }

  @Test func aResumedRunReplacesTheEpochsFromItsStart() {
    let (kept, issues) = EpochRestart.resolve(epochs([0, 1, 2, 3, 2, 3, 4]), path: "training.log")
    #expect(kept.map(\.epoch) == [0, 1, 2, 3, 4])
    #expect(kept.map { $0.metrics["loss"] } == [0, 1, 4, 5, 6])
    #expect(issues.first?.message.contains("a resumed run") == true)
  }

  @Test func anOrderedLogIsUntouched() {
    let (kept, issues) = EpochRestart.resolve(epochs([0, 1, 1, 2]), path: "metrics.csv")
    #expect(kept.count == 4)
    #expect(issues.isEmpty)
  }

  @Test func realKerasAppendLogsAreReadAsOneRun() throws {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures/keras-append")
    let two = try WatchRunReader.read(path: folder.appendingPathComponent("two-runs.csv").path)
    #expect(two.epochs.map(\.epoch) == [0, 1])
    #expect(two.issues.contains { $0.message.contains("epochs restart at 0 after epoch 2") })
    let resumed = try WatchRunReader.read(path: folder.appendingPathComponent("resumed.csv").path)
    #expect(resumed.epochs.map(\.epoch) == [0, 1, 2, 3, 4])
    #expect(resumed.issues.contains { $0.message.contains("epochs go back to 2 after epoch 3") })
  }

  @Test func anUnknownMonitorListsTheMetricsThatExist() {
    let log = [
      EpochRecord(epoch: 0, metrics: ["loss": 1, "val_loss": 1, "accuracy": 0.5, "zeta": 1])
    ]
    let names = MonitorCheck.metricNames(of: log)
    #expect(names == ["loss", "val_loss", "accuracy", "zeta"])
    #expect(throws: MonitorCheck.UnknownMonitor.self) {
      try MonitorCheck.check("foo", available: names)
    }
    #expect(throws: Never.self) { try MonitorCheck.check("val_loss", available: names) }
    #expect(throws: Never.self) { try MonitorCheck.check("acc", available: names) }
    let message = "\(MonitorCheck.UnknownMonitor(monitor: "foo", available: names))"
    #expect(
      message == "unknown metric 'foo' to monitor; this run has loss, val_loss, accuracy, zeta")
  }
}
