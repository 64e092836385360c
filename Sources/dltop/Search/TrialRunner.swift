import DLTopEngine
import DLTopMonitor
import Foundation

/// What a finished trial hands back to the search: its final weights (kept only for the best
/// trial, to be evaluated on the test split at the end).
struct TrialResult: Sendable {
  var id: Int
  var status: TrialStatus
  var validationLoss: Double?
  var weights: [Tensor]?
}

/// Runs one trial on the calling (worker) queue: builds its trainer on the shared training and
/// validation splits, trains `--epochs` epochs batch by batch, records every epoch, and after each
/// epoch asks the pruning rule whether to go on.
///
/// Honours the dashboard's commands between batches (pause, stop this trial, stop the search) and
/// the search's time budget.
struct TrialRunner: Sendable {
  /// The data without its test split: trials cannot reach it.
  var data: PreparedData
  var link: StudyLink
  var rule: MedianStoppingRule?
  var deadline: ContinuousClock.Instant?
  var folder: String

  func run(_ plan: TrialPlan) -> TrialResult {
    let directory = (folder as NSString).appendingPathComponent(
      String(format: "trial-%03d", plan.id))
    let recorder = TrialRecorder(
      directory: directory, run: RunDescriptionBuilder.make(setup: plan.setup, data: data),
      classCount: data.task.isClassification ? data.classNames.count : nil)
    link.publish { snapshot in
      guard let index = snapshot.trials.firstIndex(where: { $0.id == plan.id }) else { return }
      snapshot.trials[index].status = .running
      snapshot.trials[index].runDirectory = recorder.directory
    }
    let trainer: Trainer
    do {
      trainer = try TrainerFactory.make(
        setup: plan.setup, data: data, validation: data.validation, epochs: plan.setup.epochs)
    } catch {
      finish(plan.id, .failed, note: "\(error)", recorder: recorder)
      return TrialResult(id: plan.id, status: .failed)
    }
    recorder.start(
      epochs: plan.setup.epochs, batchesPerEpoch: trainer.batchesPerEpoch,
      learningRate: trainer.currentLearningRate)
    for epoch in 1...plan.setup.epochs {
      while let report = trainer.trainBatch() {
        recorder.record(batch: report)
        if !report.isFinite {
          let reason =
            "loss became \(report.loss.isNaN ? "NaN" : "infinite") at epoch \(epoch), batch \(report.batchIndex + 1)"
          _ = recorder.record(epoch: trainer.finishEpoch())
          recorder.diverged(reason, epoch: epoch)
          publishEpochs(plan.id, recorder)
          finish(plan.id, .failed, note: "diverged: \(reason)", recorder: recorder)
          return TrialResult(id: plan.id, status: .failed)
        }
        if let reason = interruption(plan.id) {
          if report.batchIndex + 1 < report.batchesPerEpoch {
            // The unfinished epoch is not recorded: its validation loss would be a partial epoch's.
            finish(plan.id, .stopped, note: reason, recorder: recorder)
            return ended(plan.id, .stopped, trainer: trainer, recorder: recorder)
          }
        }
        link.waitWhilePaused()
      }
      let record = recorder.record(epoch: trainer.finishEpoch())
      publishEpochs(plan.id, recorder)
      if let reason = interruption(plan.id), epoch < plan.setup.epochs {
        finish(plan.id, .stopped, note: reason, recorder: recorder)
        return ended(plan.id, .stopped, trainer: trainer, recorder: recorder)
      }
      if epoch < plan.setup.epochs,
        let note = pruningNote(plan.id, epoch: epoch, recorder: recorder)
      {
        recorder.note(.earlyStop, note, epoch: epoch)
        finish(plan.id, .pruned, note: note, recorder: recorder)
        return TrialResult(id: plan.id, status: .pruned, validationLoss: record.validationLoss)
      }
    }
    finish(plan.id, .done, note: nil, recorder: recorder)
    return ended(plan.id, .done, trainer: trainer, recorder: recorder)
  }

  private func ended(_ id: Int, _ status: TrialStatus, trainer: Trainer, recorder: TrialRecorder)
    -> TrialResult
  {
    let loss = recorder.history.last?.validationLoss
    guard let loss, loss.isFinite else {
      return TrialResult(id: id, status: status, validationLoss: loss)
    }
    return TrialResult(
      id: id, status: status, validationLoss: loss, weights: trainer.model.weights())
  }

  /// Why the trial must stop now, if it must: a key, the end of the search, the time budget.
  private func interruption(_ id: Int) -> String? {
    if link.isTrialStopped(id) { return "stopped by key" }
    if link.isSearchStopped { return "search stopped" }
    if let deadline, ContinuousClock.now >= deadline { return "time budget reached" }
    return nil
  }

  /// The median stopping rule after `epoch`, against the earlier trials' values at that epoch.
  ///
  /// Waits (briefly, in practice) for earlier trials still running to reach `epoch` or end, so
  /// that the decision does not depend on timing (see `MedianStoppingRule`).
  private func pruningNote(_ id: Int, epoch: Int, recorder: TrialRecorder) -> String? {
    guard let rule, let best = recorder.history.compactMap(\.validationLoss).min() else {
      return nil
    }
    var others: [Double] = []
    while true {
      let snapshot = link.latest()
      let earlier = snapshot.trials.filter { $0.id < id }
      let waiting = earlier.contains { !$0.status.isFinal && $0.epochs.count < epoch }
      if !waiting || link.isSearchStopped {
        others = earlier.compactMap { trial in
          trial.epochs.count >= epoch ? trial.epochs[epoch - 1].validationLoss : nil
        }
        break
      }
      link.waitForChange(timeout: 0.5)
    }
    guard rule.shouldPrune(epoch: epoch, bestSoFar: best, others: others) else { return nil }
    let median = MedianStoppingRule.median(others.filter(\.isFinite))
    return String(
      format:
        "pruned after epoch %d (median stopping rule): best val_loss %.4g > median %.4g of %d earlier trials",
      epoch, best, median, others.count)
  }

  private func publishEpochs(_ id: Int, _ recorder: TrialRecorder) {
    let epochs = recorder.history
    let headline = recorder.headline
    link.publish { snapshot in
      guard let index = snapshot.trials.firstIndex(where: { $0.id == id }) else { return }
      snapshot.trials[index].epochs = epochs
      snapshot.trials[index].verdict = headline
    }
  }

  private func finish(_ id: Int, _ status: TrialStatus, note: String?, recorder: TrialRecorder) {
    publishEpochs(id, recorder)
    if let note, status != .pruned {
      recorder.note(status == .failed ? .error : .key, note, epoch: recorder.history.count)
    }
    let loss = recorder.history.last?.validationLoss
    link.publish { snapshot in
      guard let index = snapshot.trials.firstIndex(where: { $0.id == id }) else { return }
      snapshot.trials[index].status = status
      snapshot.trials[index].note = note
    }
    recorder.finish(status, reason: note)
    let lossText = loss.map { String(format: "%.4g", $0) } ?? "-"
    link.note(
      "trial \(id) \(status.rawValue) after \(recorder.history.count) epochs, val_loss \(lossText)"
        + (note.map { ": \($0)" } ?? ""))
  }
}
