/// Batch and epoch records: history, confusion matrices, diagnosis, timeline, early stopping.
extension RunRecorder {
  /// Records one trained batch: per-batch series, progress, speed, ETA, the run log's sampled line.
  /// Publishes at most every `publishInterval` seconds, and at the epoch's last batch.
  /// - Complexity: amortized O(1).
  package func record(batch: BatchRecord) {
    let now = elapsed()
    if batchProgress.epoch != batch.epoch {
      batchProgress = BatchProgress(epoch: batch.epoch, epochStarted: now, samples: 0)
    }
    batchProgress.samples += batch.samples
    eventEpoch = batch.epoch
    let stamp = StepStamp(wallTime: now)
    snapshot.batchLoss.append(batch.loss, step: batch.step, stamp: stamp)
    if let spike = lossSpikes.observe(step: batch.step, epoch: batch.epoch, loss: batch.loss) {
      note(.warning, "\(spike.description); \(LossSpike.advice)", epoch: batch.epoch)
    }
    if let accuracy = batch.accuracy {
      snapshot.batchAccuracy.append(accuracy, step: batch.step, stamp: stamp)
    }
    if let rate = batch.learningRate {
      snapshot.batchLearningRate.append(rate, step: batch.step, stamp: stamp)
      snapshot.learningRate = rate
    }
    runLog?.writeBatch(
      step: batch.step, epoch: batch.epoch, loss: batch.loss, learningRate: batch.learningRate,
      accuracy: batch.accuracy)
    var progress = snapshot.progress
    progress.epoch = batch.epoch
    progress.batch = batch.batch
    progress.globalStep = batch.step + 1
    progress.elapsedSeconds = now
    let epochSeconds = now - batchProgress.epochStarted
    progress.samplesPerSecond =
      epochSeconds > 0 ? Double(batchProgress.samples) / epochSeconds : nil
    if let perEpoch = progress.batchesPerEpoch, let total = progress.totalEpochs {
      let done = (batch.epoch - 1) * perEpoch + batch.batch
      progress.etaSeconds =
        done > 0 ? now / Double(done) * Double(max(0, total * perEpoch - done)) : nil
    }
    snapshot.progress = progress
    let lastOfEpoch = progress.batchesPerEpoch.map { batch.batch >= $0 } ?? false
    publish(force: lastOfEpoch || !batch.loss.isFinite)
  }

  /// Records one finished epoch and decides what follows.
  /// - Parameters:
  ///   - record: the epoch's metrics.
  ///   - confusion: the validation confusion matrix, for classification.
  ///   - samplesPerSecond: the epoch's training speed, when known.
  ///   - nextLearningRate: the rate the next epoch starts with, when known.
  /// - Returns: stop / keep the best weights / verdicts to announce / the timeline's change.
  /// - Complexity: O(`historyCapacity`) at most, whatever the number of epochs recorded.
  @discardableResult
  package func record(
    epoch record: EpochRecord, confusion: ConfusionRecord? = nil, samplesPerSecond: Double? = nil,
    nextLearningRate: Double? = nil
  ) -> EpochDecision {
    var decision = EpochDecision()
    eventEpoch = record.epoch
    resolveMonitor(from: record)
    let stopping = earlyStopping.observe(record)
    if let value = record.validationLoss ?? record.loss, value.isFinite,
      value < (lowestLoss?.value ?? .infinity)
    {
      lowestLoss = (record.epoch, value)
    }
    history.append(record, keeping: lowestLoss?.epoch)
    if options.steersRun { noteEpochEnd(record.epoch) }
    if let archive = snapshot.epochArchive {
      archive.append(record)
      snapshot.archivedEpochs += 1
    }
    if let confusion {
      confusions.append(confusion)
      snapshot.confusions = confusions.elements
      if let runLog {
        do { try runLog.writeConfusion(confusion) } catch {
          runLogFailed(error, writing: "the confusion matrix of epoch \(record.epoch)")
        }
      }
    }
    if let runLog {
      do { try runLog.writeEpoch(record) } catch {
        runLogFailed(error, writing: "epoch \(record.epoch)")
      }
    }
    if !pendingEpochs.isEmpty { pendingEpochs.removeAll { $0.epoch <= record.epoch } }
    snapshot.epochs = pendingEpochs.isEmpty ? history.records : history.records + pendingEpochs
    if let samplesPerSecond { snapshot.progress.samplesPerSecond = samplesPerSecond }
    if let nextLearningRate { snapshot.learningRate = nextLearningRate }
    if !options.steersRun {
      snapshot.progress.epoch = history.recordedCount
      if snapshot.learningRate == nil || snapshot.batchLearningRate.count == 0 {
        snapshot.learningRate = record.learningRate ?? snapshot.learningRate
      }
    }
    judge(record, into: &decision)
    decide(stopping, at: record.epoch, into: &decision)
    snapshot.earlyStopping = stoppingStatus
    publish()
    return decision
  }

  /// Where a run this recorder steers finished `epoch`: the batches recorded and the time now.
  /// Kept for the epochs of the bounded history only, so it stays as small as the history.
  private func noteEpochEnd(_ epoch: Int) {
    let step = snapshot.batchLoss.count > 0 ? snapshot.progress.globalStep : nil
    snapshot.epochEnds.append(EpochEnd(epoch: epoch, step: step, wallTime: elapsed()))
    if snapshot.epochEnds.count > 2 * options.historyCapacity {
      let kept = Set(history.records.map(\.epoch))
      snapshot.epochEnds.removeAll { !kept.contains($0.epoch) }
    }
  }

  /// Whether the run is judged after its `count`-th epoch: every epoch up to `judgeEveryEpochUntil`,
  /// then every `count / judgementsPerDoubling`-th, so a run is judged about that many times per
  /// doubling of its length and the work per epoch does not grow with the run (a 100,000-epoch run
  /// moves its verdict at most every ~800 epochs, which is under 1% of its length).
  static func judges(after count: Int) -> Bool {
    guard count > judgeEveryEpochUntil else { return true }
    return count % max(1, count / judgementsPerDoubling) == 0
  }
  static let judgeEveryEpochUntil = 512
  static let judgementsPerDoubling = 128

  /// Diagnoses the kept history, moves the timeline and picks the verdicts to show and announce.
  private func judge(_ record: EpochRecord, into decision: inout EpochDecision) {
    guard Self.judges(after: history.recordedCount) else { return }
    let diagnosis = diagnoser.diagnose(history.records)
    for verdict in diagnosis.verdicts { latestVerdicts[verdict.kind] = verdict }
    if let change = timeline.observe(diagnosis.label, epoch: record.epoch) {
      decision.change = change
      snapshot.timeline = timeline.changes
      if timeline.changes.count > 1 || change.verdict != .healthy {
        let evidence = latestVerdicts[change.verdict].map { ": \($0.evidence)" } ?? ""
        note(.verdict, "\(change.verdict.rawValue)\(evidence)", epoch: record.epoch)
      }
    }
    let state = timeline.current
    var shown: [Verdict] = []
    if let primary = latestVerdicts[state] { shown.append(primary) }
    let signals = diagnosis.verdicts.filter { !Self.primaryKinds.contains($0.kind) }
    shown += signals
    snapshot.verdicts = shown
    for verdict in [shown.first].compactMap({ $0 }) + signals
    where verdict.kind != .healthy && verdict.kind != .tooEarly && !announced.contains(verdict.kind)
    {
      announced.insert(verdict.kind)
      decision.announcements.append(verdict)
      if Self.primaryKinds.contains(verdict.kind) { continue }
      note(.verdict, "\(verdict.kind.rawValue): \(verdict.evidence)", epoch: record.epoch)
    }
  }

  /// Early stopping's decision: a stop for our engine, advice for a followed log.
  private func decide(
    _ stopping: EarlyStoppingDecision, at epoch: Int, into decision: inout EpochDecision
  ) {
    decision.keepBestWeights =
      options.steersRun && stopping.improved && earlyStopping.options.restoreBestWeights
    guard stopping.shouldStop, !stopAnnounced, options.steersRun || options.advisesEarlyStop else {
      return
    }
    stopAnnounced = true
    let monitor = earlyStopping.options.monitor
    let reason: String
    if options.steersRun {
      reason = "early stopping: " + (stopping.reason ?? "no improvement")
    } else {
      let best = earlyStopping.bestEpoch.map(String.init) ?? "?"
      reason =
        "early stopping (\(monitor), patience \(earlyStopping.options.patience)) would have stopped this run at epoch \(epoch); best epoch \(best)"
    }
    decision.stop = StopDecision(
      reason: reason, restoreEpoch: options.steersRun ? stopping.restoreEpoch : nil)
    note(.earlyStop, reason, epoch: epoch)
  }

  /// "val_loss, else loss": the one place the default monitor is chosen.
  private func resolveMonitor(from record: EpochRecord) {
    guard !monitorResolved, record.loss != nil || record.validationLoss != nil else { return }
    monitorResolved = true
    guard record.validationLoss == nil, earlyStopping.options.monitor == MetricName.validationLoss
    else { return }
    var stopping = earlyStopping.options
    stopping.monitor = MetricName.loss.rawValue
    let enabled = earlyStopping.enabled
    earlyStopping = EarlyStopping(options: stopping)
    earlyStopping.enabled = enabled
  }

  /// The verdicts that label a run; the others are signals shown beside it.
  static let primaryKinds: Set<VerdictKind> = [
    .healthy, .overfitting, .underfitting, .divergence, .oscillation, .plateau, .tooEarly,
  ]
}
