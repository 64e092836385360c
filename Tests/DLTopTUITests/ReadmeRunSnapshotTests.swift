import DLTopMonitor
import Foundation
import Testing

@testable import DLTopTUI

/// The README's main job — `dltop train --data fashion-mnist --model mlp:128 --seed 42`, 20 epochs
/// — recorded by dltop (Fixtures/readme-run, remade by its make.sh) and replayed through a
/// `RunRecorder`: its final dashboard, and the verdict the issue expects of it.
@MainActor
struct ReadmeRunSnapshotTests {
  static func replayed() throws -> RunRecorder {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures/readme-run/run.jsonl").path
    let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    var parser = DltopRunLogParser(path: path)
    let items = parser.feed(bytes[...]) + parser.finish()
    var configuration: [RunDescription.KeyValue] = []
    var classes: [String]?
    for item in items {
      if case .configuration(let pairs) = item { configuration = pairs }
      if case .run(.classNames(let names)) = item { classes = names }
    }
    let value = { (key: String) in configuration.first { $0.key == key }?.value }
    let run = RunDescription(
      name: value("name") ?? "run", source: value("source") ?? "dltop", dataset: value("dataset"),
      model: value("model"), optimizer: value("optimizer"), classNames: classes,
      configuration: configuration, controllable: false)
    var options = RunRecorder.Options()
    options.steersRun = false
    options.advisesEarlyStop = false
    let recorder = RunRecorder(run: run, options: options, elapsed: { 0 })
    var replay = RunReplay(recorder: recorder)
    replay.feed(items)
    replay.finish()
    return recorder
  }

  @Test func theRunEndsOverfittingWithNoSingleEpochVerdict() throws {
    let recorder = try Self.replayed()
    #expect(recorder.verdict == .overfitting)
    let changes = recorder.timeline.changes
    for (earlier, later) in zip(changes, changes.dropFirst()) {
      #expect(later.epoch - earlier.epoch >= 2)
    }
    let epochs = recorder.epochs
    let losses = epochs.compactMap(\.validationLoss)
    let best = losses.min() ?? 0
    #expect((losses.last ?? 0) > 1.05 * best, "val_loss ends above its minimum")
    #expect(
      (epochs.last?.loss ?? 1) < (epochs.first?.loss ?? 0), "while the train loss keeps falling")
  }

  @Test func finalDashboardOfTheReadmeRunAt120x40() throws {
    let snapshot = try Self.replayed().currentSnapshot
    let dashboard = Dashboard(snapshot: snapshot, theme: .standard, clock: { 0 })
    assertSnapshot(dashboard.render(snapshot: snapshot, size: (120, 40)).lines)
  }
}
