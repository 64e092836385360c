import DLTopEngine
import DLTopMonitor

/// The trainer adapter: drives the `Trainer` batch by batch on the training queue, turns engine
/// reports into `RunRecorder` records and dashboard commands into engine controls, and acts on the
/// recorder's decisions (stop, keep and restore the best weights). The run's state — history,
/// events, diagnosis, early stopping, run log, snapshot — lives in the recorder.
///
/// Lives only on the training queue (it owns the non-Sendable `Trainer`).
final class TrainingLoop {
  let job: TrainingJob
  let link: EngineLink
  let observer: RunObserver
  let trainer: Trainer
  let recorder: RunRecorder
  var paused = false
  var stopRequest: String?
  var stoppedEarly = false
  var diverged = false
  /// The range test run before the loop was made (`--lr-find`): its events go into the run log,
  /// and the commands that arrived during it are applied when training starts.
  var preface: RangeTestPhase.Outcome?
  /// Whether a failed checkpoint write was reported already (it is reported once).
  var checkpointFailureReported = false

  /// Builds the model and trainer. Throws when the model does not fit the data.
  init(job: TrainingJob, link: EngineLink, observer: RunObserver, recorder: RunRecorder) throws {
    self.job = job
    self.link = link
    self.observer = observer
    self.recorder = recorder
    trainer = try TrainerFactory.make(job)
    if let plan = job.resume {
      do {
        try trainer.resume(from: plan.state.checkpoint)
      } catch {
        throw CommandFailure("--resume: \(plan.checkpointPath) does not fit this run: \(error)")
      }
    }
  }

  /// Runs every epoch (or until stopped) and the final test evaluation.
  func run() -> TrainOutcome {
    if let plan = job.resume {
      continueRunLog(plan)
    } else {
      openRunLog()
      for note in job.data.notes { recorder.note(.info, note) }
      for warning in job.data.warnings { recorder.note(.warning, "warning: \(warning)") }
      recorder.note(.info, "model \(trainer.model.description)")
    }
    recorder.start(
      totalEpochs: job.setup.epochs, batchesPerEpoch: trainer.batchesPerEpoch,
      learningRate: trainer.currentLearningRate, plannedRates: plannedRates())
    if let preface { startAfterRangeTest(preface) }
    // A resumed run starts after its checkpoint's epoch (`--resume` checked there are more).
    epochs: for _
      in (trainer.completedEpochs + 1)...max(trainer.completedEpochs + 1, job.setup.epochs)
    {
      while true {
        applyCommands()
        if stopRequest != nil { break epochs }
        guard let report = trainer.trainBatch() else { break }
        recorder.record(batch: BatchRecord(report))
        if !report.isFinite {
          diverged = true
          stopRequest =
            "loss became \(report.loss.isNaN ? "NaN" : "infinite") at epoch \(report.epoch), batch \(report.batchIndex + 1)"
          finishEpoch()
          recorder.note(.error, "diverged: \(stopRequest ?? "")")
          break epochs
        }
      }
      let decision = finishEpoch()
      saveCheckpoint()
      if let stop = decision.stop {
        stopRequest = stop.reason
        stoppedEarly = true
        restoreBestWeights(stop)
        break
      }
    }
    return finish()
  }

  /// Applies queued commands; while paused, waits for the next one.
  func applyCommands() {
    repeat {
      for command in link.drain() { apply(command) }
      if paused && stopRequest == nil {
        link.waitForCommand(timeout: 0.25)
        // The elapsed clock keeps running while paused, so it neither freezes nor jumps.
        recorder.publish(to: link)
      }
    } while paused && stopRequest == nil
  }

  func apply(_ command: EngineCommand) {
    switch command {
    case .pause where !paused:
      paused = true
      recorder.note(.key, "paused")
      recorder.setStatus(.paused)
    case .resume where paused:
      paused = false
      recorder.note(.key, "resumed")
      recorder.setStatus(.running)
    case .pause, .resume, .selectRun, .answerRangeTest:
      break
    case .findLearningRate where paused:
      findLearningRate()
    case .findLearningRate:
      recorder.note(.key, "lr-find: the range test runs while paused (space, then L)")
    case .stop(let reason):
      stopRequest = reason
      paused = false
      recorder.note(.key, "stop requested: \(reason)")
    case .scaleLearningRate(let factor):
      let before = trainer.currentLearningRate
      let rate = before * factor
      guard rate > 0, rate.isFinite else { return }
      trainer.setLearningRate(rate)
      let change = LearningRateChange(
        step: trainer.globalStep, epoch: trainer.epoch, from: before,
        to: trainer.currentLearningRate, cause: .key)
      recorder.note(
        .key,
        "learning rate \(HeadlessPrinter.format(before)) → \(HeadlessPrinter.format(change.to)) (key)"
      )
      recorder.record(learningRateChange: change, plannedRates: plannedRates())
    case .setEarlyStopping(let enabled):
      recorder.note(.key, "early stopping \(enabled ? "on" : "off")")
      recorder.setEarlyStopping(enabled: enabled)
    }
  }

  /// Closes the epoch: validation, confusion matrix, then the recorder's decision.
  @discardableResult
  private func finishEpoch() -> EpochDecision {
    let report = trainer.finishEpoch()
    let record = EpochRecord(report)
    if let reduced = report.reducedLearningRate {
      let change = LearningRateChange(
        step: trainer.globalStep, epoch: record.epoch, from: report.learningRate, to: reduced,
        cause: .plateau)
      recorder.note(
        .schedule,
        "reduce on plateau: learning rate \(HeadlessPrinter.format(change.from)) → \(HeadlessPrinter.format(reduced))",
        epoch: record.epoch)
      recorder.record(learningRateChange: change)
    }
    var confusion: ConfusionRecord?
    if let predicted = report.validationPredictions, let truth = report.validationLabels {
      let matrix = ConfusionMatrix(
        truth: truth, predicted: predicted, classCount: job.data.classNames.count)
      confusion = ConfusionRecord(epoch: record.epoch, counts: matrix.rows)
    }
    recorder.setPlannedRates(plannedRates())
    let decision = recorder.record(
      epoch: record, confusion: confusion, samplesPerSecond: report.samplesPerSecond,
      nextLearningRate: report.nextLearningRate)
    if decision.keepBestWeights { trainer.saveBestWeights() }
    decision.announcements.forEach(observer.newVerdict)
    observer.epochFinished(record, job.setup.epochs, report.samplesPerSecond)
    return decision
  }

  private func restoreBestWeights(_ stop: StopDecision) {
    guard let epoch = stop.restoreEpoch, trainer.restoreBestWeights() else { return }
    recorder.note(.earlyStop, "restored the weights of epoch \(epoch)")
    writeWeights(named: RunLogFormat.bestWeightsFileName, kind: "best", epoch: epoch)
  }

  /// The schedule in force from the current step to the planned end, sampled for drawing.
  func plannedRates() -> [PlannedRate] {
    let end = max(trainer.totalSteps, trainer.globalStep + 1)
    return trainer.effectiveSchedule.plannedRates(from: trainer.globalStep, to: end, samples: 240)
      .map { PlannedRate(step: $0.step, rate: $0.rate) }
  }
}
