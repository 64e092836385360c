import DLTopEngine
import DLTopMonitor
import Foundation

extension TrainingLoop {
  func openRunLog() {
    guard job.writesRunLog else { return }
    do {
      runLog = try RunLogWriter(directory: job.runDirectory, run: job.run)
      outcome.runDirectory = runLog?.directory
      log(.info, "run log: \(runLog?.directory ?? "")")
    } catch {
      log(.warning, "no run log: \(error)")
      observer.message("warning: no run log: \(error)")
    }
  }

  func publishStart() {
    let progressTotal = job.setup.epochs
    let perEpoch = trainer.batchesPerEpoch
    let rate = trainer.currentLearningRate
    let planned = plannedRates()
    let status = earlyStopping.status
    let notes = job.data.notes + job.data.warnings.map { "warning: \($0)" }
    for note in notes { log(note.hasPrefix("warning") ? .warning : .info, note) }
    log(.info, "model \(trainer.model.description)")
    link.publish { snapshot in
      snapshot.status = .running
      snapshot.progress.totalEpochs = progressTotal
      snapshot.progress.batchesPerEpoch = perEpoch
      snapshot.progress.epoch = 1
      snapshot.learningRate = rate
      snapshot.plannedLearningRates = planned
      snapshot.earlyStopping = status
    }
  }

  /// The schedule in force from the current step to the planned end, sampled for drawing.
  func plannedRates() -> [PlannedRate] {
    let end = max(trainer.totalSteps, trainer.globalStep + 1)
    return trainer.effectiveSchedule.plannedRates(from: trainer.globalStep, to: end, samples: 240)
      .map { PlannedRate(step: $0.step, rate: $0.rate) }
  }

  func recordBatch(_ report: BatchReport) {
    pendingBatches.append((report.loss, report.accuracy, report.learningRate))
    samplesThisEpoch += report.samples
    runLog?.writeBatch(step: report.step, epoch: report.epoch, loss: report.loss, learningRate: report.learningRate, accuracy: report.accuracy)
    let now = clock.now
    if now - lastPublish >= publishInterval || report.batchIndex + 1 == report.batchesPerEpoch || !report.isFinite {
      publishBatches(now: now, epoch: report.epoch, batch: report.batchIndex + 1, step: report.step + 1)
    }
  }

  private func publishBatches(now: ContinuousClock.Instant, epoch: Int, batch: Int, step: Int) {
    lastPublish = now
    let batches = pendingBatches
    pendingBatches.removeAll(keepingCapacity: true)
    let elapsed = seconds(started.duration(to: now))
    let epochSeconds = seconds(epochStarted.duration(to: now))
    let speed = epochSeconds > 0 ? Double(samplesThisEpoch) / epochSeconds : nil
    let perEpoch = trainer.batchesPerEpoch
    let totalBatches = perEpoch * job.setup.epochs
    let done = (epoch - 1) * perEpoch + batch
    let eta = done > 0 ? elapsed / Double(done) * Double(totalBatches - done) : nil
    let rate = trainer.currentLearningRate
    link.publish { snapshot in
      for value in batches {
        snapshot.batchLoss.append(value.loss)
        if let accuracy = value.accuracy { snapshot.batchAccuracy.append(accuracy) }
        snapshot.batchLearningRate.append(value.rate)
      }
      snapshot.progress.epoch = epoch
      snapshot.progress.batch = batch
      snapshot.progress.globalStep = step
      snapshot.progress.elapsedSeconds = elapsed
      snapshot.progress.samplesPerSecond = speed
      snapshot.progress.etaSeconds = eta
      snapshot.learningRate = rate
    }
  }

  /// Closes the epoch: validation, record, confusion matrix, diagnosis, run log, publish.
  @discardableResult
  func finishEpoch() -> EpochRecord {
    if !pendingBatches.isEmpty {
      publishBatches(now: clock.now, epoch: trainer.epoch, batch: trainer.batchIndex, step: trainer.globalStep)
    }
    let report = trainer.finishEpoch()
    let record = EpochRecord(report)
    history.append(record)
    if let reduced = report.reducedLearningRate {
      let change = LearningRateChange(
        step: trainer.globalStep, epoch: record.epoch, from: report.learningRate, to: reduced, cause: .plateau)
      log(.schedule, "reduce on plateau: learning rate \(HeadlessPrinter.format(change.from)) → \(HeadlessPrinter.format(reduced))", epoch: record.epoch)
      link.publish { $0.learningRateChanges.append(change) }
    }
    var confusion: ConfusionRecord?
    if let predicted = report.validationPredictions, let truth = report.validationLabels {
      let matrix = ConfusionMatrix(truth: truth, predicted: predicted, classCount: job.data.classNames.count)
      confusion = ConfusionRecord(epoch: record.epoch, counts: matrix.rows)
    }
    let diagnosis = diagnoser.diagnose(history)
    outcome.diagnosis = diagnosis
    announceNewVerdicts(diagnosis, epoch: record.epoch)
    do { try runLog?.writeEpoch(record) } catch { reportRunLogFailure(error, writing: "epoch \(record.epoch)") }
    let planned = plannedRates()
    let elapsed = seconds(started.duration(to: clock.now))
    let nextRate = report.nextLearningRate
    let snapshotEvents = events
    link.publish { snapshot in
      snapshot.epochs.append(record)
      if let confusion {
        snapshot.confusions.append(confusion)
        if snapshot.confusions.count > 100 { snapshot.confusions.removeFirst(snapshot.confusions.count - 100) }
      }
      snapshot.verdicts = diagnosis.verdicts
      snapshot.plannedLearningRates = planned
      snapshot.learningRate = nextRate
      snapshot.progress.elapsedSeconds = elapsed
      snapshot.progress.samplesPerSecond = report.samplesPerSecond
      snapshot.events = snapshotEvents
    }
    observer.epochFinished(record, job.setup.epochs, report.samplesPerSecond)
    return record
  }

  private func announceNewVerdicts(_ diagnosis: Diagnosis, epoch: Int) {
    for verdict in diagnosis.verdicts where !announcedVerdicts.contains(verdict.kind) && verdict.kind != .healthy {
      announcedVerdicts.insert(verdict.kind)
      log(.verdict, "\(verdict.kind.rawValue): \(verdict.evidence)", epoch: epoch)
      observer.newVerdict(verdict)
    }
  }

  /// Ends the run: test evaluation once, final status, run log closed.
  func finish() -> TrainOutcome {
    outcome.history = history
    outcome.bestEpoch = earlyStopping.bestEpoch
    outcome.monitor = earlyStopping.options.monitor
    if let reason = stopRequest { outcome.stopReason = reason }
    outcome.test = evaluateTest()
    let status: RunStatus
    if outcome.diverged {
      status = .diverged(epoch: history.last?.epoch ?? 1)
    } else if outcome.stoppedEarly {
      status = .finished(reason: outcome.stopReason)
    } else if let reason = stopRequest {
      status = .stopped(reason: reason)
    } else {
      status = .finished(reason: "all \(job.setup.epochs) epochs run")
    }
    if let test = outcome.test {
      let accuracy = test.accuracy.map { ", accuracy \(HeadlessPrinter.format($0))" } ?? ""
      log(.info, "test: loss \(HeadlessPrinter.format(test.loss))\(accuracy)")
    }
    log(.info, "finished: \(outcome.stopReason)")
    let snapshotEvents = events
    link.publish {
      $0.status = status
      $0.events = snapshotEvents
      $0.plannedLearningRates = []
    }
    var closeError: RunLogError?
    do { try runLog?.close() } catch { closeError = error }
    if let failure = runLogFailureAtEnd(closeError: closeError) { outcome.failure = outcome.failure ?? failure }
    return outcome
  }

  private func evaluateTest() -> TestResult? {
    guard let test = job.data.test, !outcome.diverged else { return nil }
    let data = job.data
    return try? test.evaluateOnce { set -> TestResult in
      let evaluation = trainer.evaluate(set, batchSize: 1024)
      var result = TestResult(loss: evaluation.loss, accuracy: evaluation.accuracy)
      if let predicted = evaluation.predictedClasses, let truth = evaluation.labels {
        result.classification = ClassificationReport(
          truth: truth, predicted: predicted, classNames: data.classNames, positiveClass: data.positiveClass)
      } else if let outputs = evaluation.outputs, case .values(let targets) = set.targets {
        result.regression = RegressionReport(predictions: outputs, targets: targets)
      }
      return result
    }
  }

  func saveBestWeights() {
    guard let runLog else { return }
    do {
      let path = try runLog.writeBestWeights(WeightsFile.encode(trainer.model))
      log(.info, "best weights saved to \(path)")
    } catch {
      log(.warning, "could not save best weights: \(error)")
    }
  }

  func log(_ kind: RunEvent.Kind, _ text: String, epoch: Int? = nil) {
    let event = recordEvent(kind, text, epoch: epoch)
    do { try runLog?.writeEvent(event) } catch { reportRunLogFailure(error, writing: "event '\(text)'") }
  }

  /// Adds an event to the run's events (dashboard, snapshot) without writing it to the run log.
  @discardableResult
  func recordEvent(_ kind: RunEvent.Kind, _ text: String, epoch: Int? = nil) -> RunEvent {
    let event = RunEvent(
      elapsedSeconds: seconds(started.duration(to: clock.now)), epoch: epoch ?? trainer.epoch, kind: kind, text: text)
    events.append(event)
    if events.count > 500 { events.removeFirst(events.count - 500) }
    let snapshotEvents = events
    link.publish { $0.events = snapshotEvents }
    return event
  }

  func seconds(_ duration: Duration) -> Double {
    let parts = duration.components
    return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
  }
}
