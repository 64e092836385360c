import DLTopMonitor
import Foundation
import Testing

/// A trained run's snapshot exports every epoch, although the snapshot the dashboard draws keeps a
/// thinned history past its capacity.
struct SnapshotEveryEpochTests {
  @Test func metricsCSVHoldsEveryEpochOfALongRun() throws {
    var options = RunRecorder.Options()
    options.keepsEveryEpoch = true
    options.historyCapacity = 16
    let recorder = RunRecorder(
      run: RunDescription(name: "long", source: "test", controllable: true), options: options,
      elapsed: { 0 })
    for epoch in 1...100 {
      _ = recorder.record(epoch: EpochRecord(epoch: epoch, metrics: ["loss": 1 / Double(epoch)]))
    }
    let snapshot = recorder.currentSnapshot
    #expect(snapshot.epochs.count < 100)
    #expect(snapshot.everyEpoch.map(\.epoch) == Array(1...100))
    let csv = SnapshotFiles.metricsCSV(snapshot.everyEpoch)
    #expect(csv.split(separator: "\n").count == 101)
  }

  @Test func aSnapshotExportsOnlyTheEpochsItHadSeen() {
    var options = RunRecorder.Options()
    options.keepsEveryEpoch = true
    let recorder = RunRecorder(
      run: RunDescription(name: "run", source: "test", controllable: true), options: options,
      elapsed: { 0 })
    _ = recorder.record(epoch: EpochRecord(epoch: 1, metrics: ["loss": 1]))
    let earlier = recorder.currentSnapshot
    _ = recorder.record(epoch: EpochRecord(epoch: 2, metrics: ["loss": 0.5]))
    #expect(earlier.everyEpoch.map(\.epoch) == [1])
    #expect(recorder.currentSnapshot.everyEpoch.map(\.epoch) == [1, 2])
  }
}
