import Foundation
import Testing

@testable import DLTopMonitor

struct RunMonitorTests {
  let run = RunDescription(name: "test", source: "dltop", dataset: "blobs", controllable: true)

  @Test func earlyStoppingDecisionsAndTheSnapshotFollowTheEpochs() {
    let link = EngineLink(run: run)
    var options = EarlyStopping.Options()
    options.patience = 2
    options.restoreBestWeights = true
    let monitor = RunMonitor(link: link, earlyStopping: options)
    #expect(link.latest().earlyStopping?.patience == 2)
    let values = [1.0, 0.8, 0.7, 0.75, 0.9]
    var decisions: [RunMonitor.EpochDecision] = []
    for (index, value) in values.enumerated() {
      decisions.append(monitor.recordEpoch(EpochRecord(epoch: index + 1, metrics: ["loss": value, "val_loss": value])))
    }
    #expect(decisions.map(\.shouldStop) == [false, false, false, false, true])
    #expect(decisions.last?.restoreEpoch == 3)
    let snapshot = link.latest()
    #expect(snapshot.epochs.count == 5)
    #expect(snapshot.earlyStopping?.bestEpoch == 3)
    #expect(snapshot.earlyStopping?.stoppedEpoch == 5)
    #expect(snapshot.events.contains { $0.kind == .earlyStop && $0.text.contains("restoring the weights of epoch 3") })
    #expect(!snapshot.verdicts.isEmpty)
  }

  @Test func reduceOnPlateauLowersTheRateAndSaysSo() {
    let link = EngineLink(run: run)
    var plateau = ReduceLROnPlateau.Options()
    plateau.patience = 2
    plateau.factor = 0.5
    let monitor = RunMonitor(link: link, earlyStopping: nil, plateau: (plateau, 0.1))
    monitor.recordBatch(step: 40, epoch: 1, loss: 1)
    let rates = (1...5).map { monitor.recordEpoch(EpochRecord(epoch: $0, metrics: ["val_loss": 1])).newLearningRate }
    #expect(rates == [nil, nil, Double(Float(0.05)), nil, Double(Float(0.025))])
    let snapshot = link.latest()
    #expect(snapshot.learningRateChanges.map(\.epoch) == [3, 5])
    #expect(snapshot.learningRateChanges.first?.cause == .plateau)
    #expect(snapshot.learningRateChanges.first?.step == 40)
    #expect(snapshot.events.contains { $0.kind == .schedule && $0.text == "reduce on plateau: lr 0.1 → 0.05" })
    monitor.learningRateChanged(to: 1)
    #expect(monitor.plateau?.learningRate == 1)
  }

  @Test func withoutEarlyStoppingItNeverStops() {
    let link = EngineLink(run: run)
    let monitor = RunMonitor(link: link, earlyStopping: nil)
    let stops = (1...30).map { monitor.recordEpoch(EpochRecord(epoch: $0, metrics: ["val_loss": Double($0)])).shouldStop }
    #expect(!stops.contains(true))
    #expect(link.latest().earlyStopping == nil)
  }

  @Test func aNaNLossBecomesADivergenceVerdictAndEvent() {
    let link = EngineLink(run: run)
    let monitor = RunMonitor(link: link, earlyStopping: EarlyStopping.Options())
    monitor.recordEpoch(EpochRecord(epoch: 1, metrics: ["loss": 1, "val_loss": 1]))
    let decision = monitor.recordEpoch(EpochRecord(epoch: 2, metrics: ["loss": .nan, "val_loss": .nan]))
    #expect(decision.shouldStop)
    #expect(monitor.diagnosis.label == .divergence)
    #expect(link.latest().events.contains { $0.kind == .verdict && $0.text.hasPrefix("divergence since epoch 2") })
  }

  @Test func eventsAndConfusionsStayBounded() {
    let link = EngineLink(run: run)
    let monitor = RunMonitor(link: link, earlyStopping: nil)
    for i in 0..<700 { monitor.recordEvent(.key, epoch: nil, text: "key \(i)") }
    for i in 0..<150 { monitor.recordConfusion(ConfusionRecord(epoch: i, counts: [[1, 0], [0, 1]])) }
    let snapshot = link.latest()
    #expect(snapshot.events.count == 500)
    #expect(snapshot.events.last?.text == "key 699")
    #expect(snapshot.confusions.count == 100)
    #expect(snapshot.confusions.first?.epoch == 50)
  }

  @Test func batchesFeedTheSeriesAndTheRunLog() throws {
    let folder = TemporaryDirectory()
    defer { folder.remove() }
    let link = EngineLink(run: run)
    let log = try RunLogWriter(directory: folder.path, run: run, batchStride: 1)
    let monitor = RunMonitor(link: link, earlyStopping: nil, runLog: log)
    for step in 0..<4 { monitor.recordBatch(step: step, epoch: 1, loss: 1, accuracy: 0.5, learningRate: 0.1) }
    monitor.recordEpoch(EpochRecord(epoch: 1, metrics: ["loss": 1]))
    monitor.recordEvent(.snapshot, epoch: 1, text: "snapshot saved")
    let snapshot = link.latest()
    #expect(snapshot.batchLoss.count == 4)
    #expect(snapshot.batchAccuracy.count == 4)
    #expect(snapshot.learningRate == 0.1)
    let parsed = try LogFileReader.read(path: folder.path)
    #expect(parsed.epochs.count == 1)
    #expect(parsed.steps.count == 4)
    #expect(parsed.events.map(\.text).contains("snapshot saved"))
    monitor.finish()
  }
}
