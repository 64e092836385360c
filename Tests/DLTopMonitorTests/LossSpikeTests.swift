import Foundation
import Testing

@testable import DLTopMonitor

/// Per-step loss spikes on real PyTorch per-step logs (Fixtures/step-spikes, made by
/// scripts/corpus/torch_steps.py): the three corrupt batches made on purpose are found, and a
/// healthy run's step-to-step noise — even batch-4 SGD's — is not reported.
struct LossSpikeTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/step-spikes")

  static func spikes(_ name: String) throws -> [LossSpike] {
    let log = try LogFileReader.read(path: folder.appendingPathComponent("\(name).jsonl").path)
    #expect(log.steps.count >= 500)
    return LossSpikeDetector.spikes(in: log.steps)
  }

  @Test func theCorruptBatchesAreTheSpikes() throws {
    let spikes = try Self.spikes("spikes-bad-batches")
    #expect(spikes.map(\.step) == [150, 300, 450], "\(spikes.map(\.description))")
    for spike in spikes {
      #expect(spike.loss >= 3 * spike.average)
      #expect(spike.description.hasPrefix("loss spike at step \(spike.step)"))
    }
  }

  @Test(arguments: ["healthy-adam", "healthy-sgd-batch4"])
  func aHealthyRunsNoiseIsNoSpike(name: String) throws {
    let spikes = try Self.spikes(name)
    #expect(spikes.isEmpty, "\(spikes.map(\.description))")
  }

  /// The run recovered from each bad batch: no divergence, whatever its epochs show.
  @Test func aSpikeTheRunRecoversFromIsNoDivergence() throws {
    let log = try LogFileReader.read(
      path: Self.folder.appendingPathComponent("spikes-bad-batches.jsonl").path)
    let diagnosis = Diagnoser(options: .init(classCount: 10)).diagnose(log.epochs)
    #expect(diagnosis.label != .divergence, "\(diagnosis.verdicts.map(\.evidence))")
    #expect(
      LossSpike.advice.contains("clip gradients")
        && LossSpike.advice.contains("lower the learning rate"))
  }

  @Test func consecutiveSpikedStepsAreOneSpike() {
    var steps = (1...100).map {
      ParsedLog.Step(step: $0, epoch: 1, metrics: ["loss": 1 + 0.01 * Double($0 % 3)])
    }
    steps[60].metrics["loss"] = 9
    steps[61].metrics["loss"] = 12
    let spikes = LossSpikeDetector.spikes(in: steps)
    #expect(spikes.count == 1)
    #expect(spikes.first?.step == 61 && spikes.first?.length == 2 && spikes.first?.loss == 12)
  }

  /// Live, the recorder reports each spike once, as a warning event with the advice.
  @Test func theRecorderReportsEachSpikeAsOneWarningEvent() throws {
    let log = try LogFileReader.read(
      path: Self.folder.appendingPathComponent("spikes-bad-batches.jsonl").path)
    let recorder = makeRecorder()
    for step in log.steps {
      guard let loss = step.metrics["loss"] else { continue }
      recorder.record(
        batch: BatchRecord(
          step: step.step, epoch: step.epoch ?? 1, batch: 1, loss: loss, samples: 32))
    }
    let spikes = recorder.currentSnapshot.events.filter {
      $0.kind == .warning && $0.text.hasPrefix("loss spike")
    }
    #expect(spikes.count == 3, "\(spikes.map(\.text))")
    #expect(spikes.allSatisfy { $0.text.contains("clip gradients") })
  }
}
