import DLTopBenchSupport
import Foundation
import Testing

@testable import DLTopMonitor

/// A recorder with a fixed clock and the given options changed.
func makeRecorder(link: EngineLink? = nil, _ change: (inout RunRecorder.Options) -> Void = { _ in })
  -> RunRecorder
{
  var options = RunRecorder.Options()
  change(&options)
  return RunRecorder(
    run: RunDescription(name: "test", source: "test", controllable: options.steersRun),
    options: options,
    link: link, elapsed: { 0 })
}

/// An epoch with these losses.
func epoch(_ number: Int, loss: Double, val: Double? = nil) -> EpochRecord {
  var metrics: [String: Double] = [:]
  metrics[MetricName.loss] = loss
  metrics[MetricName.validationLoss] = val
  return EpochRecord(epoch: number, metrics: metrics)
}

struct RunRecorderTests {
  @Test func aRangeTestIsShownWhileItAsksAndClearedAfter() {
    let link = EngineLink(run: RunDescription(name: "x", source: "x", controllable: true))
    let recorder = makeRecorder(link: link)
    var test = RangeTestState(iterations: 200, currentRate: 1e-3)
    test.rates = [1e-7, 2e-7]
    test.losses = [2.3, 2.29]
    test.suggestions = [.init(method: "valley", rate: 1.5e-7)]
    test.phase = .asking
    recorder.show(rangeTest: test)
    #expect(link.latest().rangeTest == test)
    #expect(link.latest().rangeTest?.offered?.rate == 1.5e-7)
    recorder.show(rangeTest: nil)
    #expect(link.latest().rangeTest == nil)
  }

  @Test func eventsAreCappedToTheNewest() {
    let recorder = makeRecorder { $0.eventLimit = 3 }
    for index in 1...5 { recorder.note(.info, "event \(index)") }
    #expect(recorder.currentSnapshot.events.map(\.text) == ["event 3", "event 4", "event 5"])
  }

  @Test func confusionMatricesAreCappedToTheNewest() {
    let recorder = makeRecorder { $0.confusionLimit = 2 }
    for number in 1...4 {
      recorder.record(
        epoch: epoch(number, loss: 1),
        confusion: ConfusionRecord(epoch: number, counts: [[1, 0], [0, 1]]))
    }
    #expect(recorder.currentSnapshot.confusions.map(\.epoch) == [3, 4])
  }

  @Test func eventsCarryTheEpochTheyHappenedInNotTheNextOne() {
    let recorder = makeRecorder()
    for number in 1...3 {
      recorder.record(
        batch: BatchRecord(step: number - 1, epoch: number, batch: 1, loss: 1, samples: 4))
      recorder.record(epoch: epoch(number, loss: 1))
    }
    let event = recorder.note(.info, "finished")
    #expect(event.epoch == 3)
  }

  @Test func earlyStoppingStopsAfterPatienceAndRestoresTheBestEpoch() {
    let recorder = makeRecorder {
      $0.earlyStopping.patience = 2
      $0.earlyStopping.restoreBestWeights = true
    }
    let values = [1.0, 0.8, 0.9, 0.95, 0.7]
    var decisions: [EpochDecision] = []
    for (index, value) in values.enumerated() {
      let decision = recorder.record(epoch: epoch(index + 1, loss: value, val: value))
      decisions.append(decision)
      if decision.stop != nil { break }
    }
    #expect(decisions.map(\.keepBestWeights) == [true, true, false, false])
    #expect(decisions.last?.stop?.restoreEpoch == 2)
    #expect(
      decisions.last?.stop?.reason.hasPrefix(
        "early stopping: no improvement of val_loss for 2 epochs") == true)
    #expect(recorder.currentSnapshot.earlyStopping?.stoppedEpoch == 4)
    #expect(recorder.currentSnapshot.events.contains { $0.kind == .earlyStop && $0.epoch == 4 })
  }

  @Test func aDisabledPolicyNeverStopsButTracksTheBest() {
    let recorder = makeRecorder {
      $0.earlyStopping.patience = 1
      $0.earlyStoppingEnabled = false
    }
    let stops = [1.0, 2.0, 3.0, 4.0].enumerated().map {
      recorder.record(epoch: epoch($0.offset + 1, loss: $0.element)).stop
    }
    #expect(stops.allSatisfy { $0 == nil })
    #expect(recorder.earlyStoppingState.bestEpoch == 1)
    #expect(recorder.currentSnapshot.earlyStopping?.enabled == false)
  }

  @Test func aFollowedRunGetsAdviceOnceAndNoRestore() {
    let recorder = makeRecorder {
      $0.steersRun = false
      $0.earlyStopping.patience = 1
      $0.earlyStopping.restoreBestWeights = true
    }
    let decisions = [1.0, 2.0, 3.0, 4.0].enumerated().map {
      recorder.record(epoch: epoch($0.offset, loss: $0.element))
    }
    let stops = decisions.compactMap(\.stop)
    #expect(stops.count == 1)
    #expect(stops.first?.restoreEpoch == nil)
    #expect(
      stops.first?.reason
        == "early stopping (loss, patience 1) would have stopped this run at epoch 1; best epoch 0")
    #expect(decisions.allSatisfy { !$0.keepBestWeights })
    #expect(recorder.currentSnapshot.status == .watching)
  }

  @Test func theMonitorIsValLossWhenTheRunHasItElseLoss() {
    let withValidation = makeRecorder()
    withValidation.record(epoch: epoch(1, loss: 1, val: 2))
    #expect(withValidation.earlyStoppingState.options.monitor == "val_loss")
    let trainOnly = makeRecorder()
    trainOnly.record(epoch: epoch(1, loss: 1))
    #expect(trainOnly.earlyStoppingState.options.monitor == "loss")
    let chosen = makeRecorder { $0.monitor = "accuracy" }
    chosen.record(epoch: epoch(1, loss: 1))
    #expect(chosen.earlyStoppingState.options.monitor == "accuracy")
  }

  @Test func anOverfittingRunIsAnnouncedOnceAndTheTimelineEndsThere() {
    let recorder = makeRecorder()
    var announced: [VerdictKind] = []
    for record in SyntheticHistory.make(.overfitting, epochs: 60) {
      announced += recorder.record(epoch: record).announcements.map(\.kind)
    }
    #expect(announced == [.overfitting])
    #expect(recorder.verdict == .overfitting)
    // Until the diagnoser judges (minimumEpochs epochs) it is too early to tell: no state yet.
    #expect(
      recorder.timeline.changes.first
        == VerdictChange(epoch: DiagnosisThresholds.minimumEpochs, verdict: .healthy))
    #expect(recorder.currentSnapshot.timeline == recorder.timeline.changes)
    #expect(recorder.currentSnapshot.verdicts.first?.kind == .overfitting)
    let changeEvents = recorder.currentSnapshot.events.filter { $0.kind == .verdict }
    #expect(changeEvents.count == recorder.timeline.changes.count - 1)
  }

  @Test func aNaNLossIsDivergenceAtTheEpochItHappened() {
    let recorder = makeRecorder()
    for number in 1...6 {
      recorder.record(epoch: epoch(number, loss: 1 / Double(number), val: 1 / Double(number)))
    }
    let decision = recorder.record(epoch: epoch(7, loss: .nan, val: .nan))
    #expect(decision.change == VerdictChange(epoch: 7, verdict: .divergence))
    #expect(decision.announcements.map(\.kind) == [.divergence])
  }

  @Test func aFinishedRunGetsFinishedRunAdvice() {
    let recorder = makeRecorder()
    for record in SyntheticHistory.make(.healthy, epochs: 10) { recorder.record(epoch: record) }
    #expect(recorder.verdicts.first?.advice.contains("keep training") == true)
    recorder.finish(status: .finished(reason: "all 10 epochs run"))
    #expect(recorder.verdicts.first?.advice.contains("keep training") == false)
    #expect(recorder.currentSnapshot.status == .finished(reason: "all 10 epochs run"))
  }

  @Test func theHistoryStaysBoundedAndKeepsTheFirstAndBestEpochs() {
    let recorder = makeRecorder { $0.historyCapacity = 64 }
    for number in 1...5_000 {
      let loss = number == 40 ? 0.001 : 1 + Double(number % 7)
      recorder.record(epoch: epoch(number, loss: loss))
    }
    let epochs = recorder.epochs.map(\.epoch)
    #expect(epochs.count <= 64)
    #expect(recorder.epochCount == 5_000)
    #expect(epochs.first == 1)
    #expect(epochs.contains(40))
    #expect(epochs.last == 5_000)
    #expect(epochs == epochs.sorted())
  }

  @Test func everySnapshotIsPublishedByTheRecorder() {
    let link = EngineLink(run: RunDescription(name: "x", source: "x", controllable: true))
    let recorder = makeRecorder(link: link)
    let before = link.generation
    recorder.record(epoch: epoch(1, loss: 1))
    #expect(link.generation > before)
    #expect(link.latest().epochs.map(\.epoch) == [1])
    #expect(link.latest().timeline.isEmpty)
    #expect(recorder.verdict == .tooEarly)
  }
}

struct VerdictTimelineTests {
  @Test func oneNoisyEpochNeverTogglesTheVerdict() {
    var timeline = VerdictTimeline()
    let labels: [VerdictKind] = [
      .healthy, .healthy, .overfitting, .healthy, .overfitting, .healthy,
    ]
    for (index, label) in labels.enumerated() { timeline.observe(label, epoch: index + 1) }
    #expect(timeline.changes == [VerdictChange(epoch: 1, verdict: .healthy)])
  }

  @Test func aVerdictIsRaisedAfterTwoEpochsAndClearedAfterThree() {
    var timeline = VerdictTimeline()
    let labels: [VerdictKind] = [
      .healthy, .overfitting, .overfitting, .healthy, .healthy, .overfitting, .healthy, .healthy,
      .healthy,
    ]
    for (index, label) in labels.enumerated() { timeline.observe(label, epoch: index + 1) }
    #expect(
      timeline.changes == [
        VerdictChange(epoch: 1, verdict: .healthy), VerdictChange(epoch: 3, verdict: .overfitting),
        VerdictChange(epoch: 9, verdict: .healthy),
      ])
    #expect(timeline.since == 9)
  }

  @Test func divergenceIsRaisedAtOnce() {
    var timeline = VerdictTimeline()
    timeline.observe(.healthy, epoch: 1)
    #expect(
      timeline.observe(.divergence, epoch: 2) == VerdictChange(epoch: 2, verdict: .divergence))
  }
}

struct CappedListTests {
  @Test func keepsTheNewestAndCountsTheDropped() {
    var list = CappedList<Int>(limit: 2)
    for value in 1...5 { list.append(value) }
    #expect(list.elements == [4, 5])
    #expect(list.dropped == 3)
  }
}
