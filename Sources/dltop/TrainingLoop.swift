import DLTopEngine
import DLTopMonitor
import Foundation

/// Drives the `Trainer` batch by batch on the training queue: applies dashboard commands between
/// batches, publishes progress into the `EngineLink`, feeds early stopping and diagnosis, writes the
/// run log, and evaluates the held-out test split once at the end.
///
/// Lives only on the training queue (it owns the non-Sendable `Trainer`).
final class TrainingLoop {
  let job: TrainingJob
  let link: EngineLink
  let observer: RunObserver
  let trainer: Trainer
  private(set) var earlyStopping: EarlyStopping
  let diagnoser: Diagnoser
  var runLog: RunLogWriter?
  var outcome = TrainOutcome()
  var history: [EpochRecord] = []
  var events: [RunEvent] = []
  /// Verdict kinds already printed and logged: each is announced once per run.
  var announcedVerdicts: Set<VerdictKind> = []
  var paused = false
  var stopRequest: String?
  let clock = ContinuousClock()
  let started: ContinuousClock.Instant
  /// Batch values not yet published (publishing at most every `publishInterval` keeps the lock cold).
  var pendingBatches: [(loss: Double, accuracy: Double?, rate: Double)] = []
  var lastPublish: ContinuousClock.Instant
  let publishInterval = Duration.milliseconds(50)
  var samplesThisEpoch = 0
  var epochStarted: ContinuousClock.Instant

  /// Builds the model and trainer. Throws when the model does not fit the data.
  init(job: TrainingJob, link: EngineLink, observer: RunObserver) throws {
    self.job = job
    self.link = link
    self.observer = observer
    let setup = job.setup
    let data = job.data
    let outputs = data.task.isClassification ? data.classNames.count : Self.regressionOutputs(data)
    let model = try ModelBuilder.build(
      spec: setup.model, inputShape: data.sampleShape, outputs: outputs, activation: setup.activation,
      initializer: setup.initializer, dropout: setup.dropout, batchNorm: setup.batchNorm, seed: setup.seed)
    let configuration = TrainerConfiguration(
      batchSize: setup.batchSize, epochs: setup.epochs, seed: setup.seed, l2: setup.l2)
    let stepsPerEpoch = configuration.batchesPerEpoch(sampleCount: data.train.count)
    let schedule = setup.schedule.makeSchedule(
      baseRate: setup.learningRate, stepsPerEpoch: stepsPerEpoch, totalSteps: stepsPerEpoch * setup.epochs)
    let augmentation = data.augmentation
    trainer = Trainer(
      model: model, loss: data.task.isClassification ? SoftmaxCrossEntropy() : MeanSquaredError(),
      optimizer: setup.optimizer.make(), schedule: schedule, configuration: configuration,
      train: data.train, validation: data.validation,
      plateau: setup.schedule.makePlateau(baseRate: setup.learningRate),
      augmentation: augmentation.isEmpty ? nil : { batch, rng in augmentation.augment(&batch, using: &rng) })
    var stoppingOptions = setup.earlyStopping ?? EarlyStopping.Options()
    if data.validation == nil && stoppingOptions.monitor == MetricName.validationLoss {
      // No validation split (e.g. train:test): watch the training loss rather than nothing.
      stoppingOptions.monitor = MetricName.loss
    }
    var policy = EarlyStopping(options: stoppingOptions)
    policy.enabled = setup.earlyStopping != nil
    earlyStopping = policy
    diagnoser = Diagnoser(options: .init(classCount: data.task.isClassification ? data.classNames.count : nil))
    started = clock.now
    lastPublish = started
    epochStarted = started
  }

  private static func regressionOutputs(_ data: PreparedData) -> Int {
    if case .regression(let outputs) = data.task { return outputs }
    return 1
  }

  /// Runs every epoch (or until stopped) and the final test evaluation.
  func run() -> TrainOutcome {
    openRunLog()
    publishStart()
    epochs: for _ in 1...job.setup.epochs {
      epochStarted = clock.now
      samplesThisEpoch = 0
      while true {
        applyCommands()
        if stopRequest != nil { break epochs }
        guard let report = trainer.trainBatch() else { break }
        recordBatch(report)
        if !report.isFinite {
          outcome.diverged = true
          stopRequest = "loss became \(report.loss.isNaN ? "NaN" : "infinite") at epoch \(report.epoch), batch \(report.batchIndex + 1)"
          let record = finishEpoch()
          log(.error, "diverged: \(stopRequest ?? "")", epoch: record.epoch)
          break epochs
        }
      }
      let record = finishEpoch()
      if let reason = stopRequest ?? earlyStopReason(after: record) {
        stopRequest = reason
        break
      }
    }
    if stopRequest == nil { outcome.stopReason = "all \(job.setup.epochs) epochs run" }
    return finish()
  }

  /// Applies queued commands; while paused, waits for the next one.
  private func applyCommands() {
    repeat {
      for command in link.drain() { apply(command) }
      if paused && stopRequest == nil { link.waitForCommand(timeout: 0.25) }
    } while paused && stopRequest == nil
  }

  private func apply(_ command: EngineCommand) {
    switch command {
    case .pause where !paused:
      paused = true
      log(.key, "paused")
      link.publish { $0.status = .paused }
    case .resume where paused:
      paused = false
      log(.key, "resumed")
      link.publish { $0.status = .running }
    case .pause, .resume:
      break
    case .stop(let reason):
      stopRequest = reason
      paused = false
      log(.key, "stop requested: \(reason)")
    case .setLearningRate(let rate):
      changeLearningRate(to: rate, cause: .command)
    case .scaleLearningRate(let factor):
      changeLearningRate(to: trainer.currentLearningRate * factor, cause: .key)
    case .selectRun:
      break
    case .setEarlyStopping(let enabled):
      earlyStopping.enabled = enabled
      log(.key, "early stopping \(enabled ? "on" : "off")")
      let status = earlyStopping.status
      link.publish { $0.earlyStopping = status }
    }
  }

  func changeLearningRate(to rate: Double, cause: LearningRateChange.Cause) {
    guard rate > 0, rate.isFinite else { return }
    let before = trainer.currentLearningRate
    trainer.setLearningRate(rate)
    let change = LearningRateChange(
      step: trainer.globalStep, epoch: trainer.epoch, from: before, to: trainer.currentLearningRate, cause: cause)
    log(cause == .plateau ? .schedule : .key,
        "learning rate \(HeadlessPrinter.format(before)) → \(HeadlessPrinter.format(change.to)) (\(cause.rawValue))")
    let planned = plannedRates()
    link.publish {
      $0.learningRateChanges.append(change)
      $0.learningRate = change.to
      $0.plannedLearningRates = planned
    }
  }

  /// Early stopping's verdict on the epoch just recorded; keeps best weights when asked to.
  private func earlyStopReason(after record: EpochRecord) -> String? {
    let decision = earlyStopping.observe(record)
    if decision.improved && earlyStopping.options.restoreBestWeights { trainer.saveBestWeights() }
    let status = earlyStopping.status
    link.publish { $0.earlyStopping = status }
    guard decision.shouldStop else { return nil }
    outcome.stoppedEarly = true
    let reason = "early stopping: " + (decision.reason ?? "no improvement")
    log(.earlyStop, reason, epoch: record.epoch)
    if let epoch = decision.restoreEpoch, trainer.restoreBestWeights() {
      log(.earlyStop, "restored the weights of epoch \(epoch)", epoch: record.epoch)
      saveBestWeights()
    }
    return reason
  }
}
