import Foundation

/// The one owner of a run's state (DESIGN.md, "The run recorder").
///
/// Whoever produces a run's records — the trainer adapter, a followed log (`dltop watch`), a
/// replayed log (`dltop diagnose`) — feeds them here: `record(batch:)`, `record(epoch:…)`,
/// `note(_:_:)`, and the status changes. The recorder keeps the bounded history, the events and
/// confusion matrices (capped by their type), the learning-rate changes, the verdict timeline
/// with hysteresis, the early-stopping state and "announce once", writes the run log when it has
/// one, and returns decisions (stop, keep/restore the best weights, announce a verdict). It alone
/// builds the `TrainingSnapshot` the dashboard draws and publishes it into its `EngineLink`.
///
/// The same history through any of the three feeds gives the same verdict timeline, epoch by
/// epoch: there is one diagnosis path.
///
/// Not thread-safe: it lives on the thread that feeds it (the training queue, the watch queue).
package final class RunRecorder {
  /// How the recorder judges and keeps a run.
  package struct Options: Sendable {
    /// The early-stopping policy. Its monitor is used as given when `monitor` is set; otherwise it
    /// is resolved at the first epoch: `val_loss` when the run has it, else `loss`.
    package var earlyStopping = EarlyStopping.Options()
    /// The metric early stopping watches; nil for "val_loss, else loss".
    package var monitor: String?
    /// Whether early stopping is on (key `e` toggles it in a live run).
    package var earlyStoppingEnabled = true
    /// Whether decisions steer the run (our engine) or are advice (a followed or replayed log:
    /// dltop cannot stop a foreign process; then a stop is reported as "would have stopped").
    package var steersRun = true
    /// Whether a run that is not steered gets "early stopping would have stopped it" advice. Off for
    /// a followed dltop run log: its own early-stopping events say what happened.
    package var advisesEarlyStop = true
    /// The number of classes, for chance-level judgements.
    package var classCount: Int?
    /// Events kept in the snapshot.
    package var eventLimit = 500
    /// Confusion matrices kept (one per validated epoch).
    package var confusionLimit = 100
    /// Epoch records kept for diagnosis and drawing (`EpochHistory`).
    package var historyCapacity = 1024
    /// Whether to keep every epoch record as well (the `train --json` history).
    package var keepsEveryEpoch = false
    package var hysteresis = VerdictTimeline.Hysteresis()
    /// Seconds between snapshots published for batch records (epochs and events publish at once).
    package var publishInterval = 0.05
    package init() {}
  }

  package let options: Options
  let link: EngineLink?
  var diagnoser: Diagnoser
  /// Per-step loss spikes, reported as warning events (never a verdict).
  var lossSpikes = LossSpikeDetector()
  /// Seconds since the run started, from the feeder's clock.
  let elapsed: () -> Double

  // The state this recorder owns.
  var snapshot: TrainingSnapshot
  var history: EpochHistory
  var events: CappedList<RunEvent>
  var confusions: CappedList<ConfusionRecord>
  package internal(set) var timeline: VerdictTimeline
  var earlyStopping: EarlyStopping
  var monitorResolved: Bool
  /// The newest verdict of each kind diagnosed, to show the timeline's state with its evidence.
  var latestVerdicts: [VerdictKind: Verdict] = [:]
  var announced: Set<VerdictKind> = []
  var stopAnnounced = false
  var finished = false
  /// The latest event time seen (a replay's logged events carry their own).
  var lastElapsed = 0.0
  /// The lowest val_loss (else loss) so far: its epoch stays in the bounded history.
  var lowestLoss: (epoch: Int, value: Double)?
  /// Epochs a followed log has shown but that are not settled yet: drawn, not diagnosed.
  var pendingEpochs: [EpochRecord] = []
  var runLog: RunLogWriter?
  /// Told at once, with a one-line message, whenever a run-log write fails (disk full…); the
  /// training adapter prints it. The failure is also an event.
  package var onRunLogFailure: ((String) -> Void)?
  /// Set by `finish` when the run log did not get every line: the run must not end as a success.
  package internal(set) var runLogProblem: String?
  /// Every epoch recorded, when `options.keepsEveryEpoch` (empty otherwise).
  package var everyEpoch: [EpochRecord] { snapshot.epochArchive?.all ?? [] }
  /// The epoch events are numbered with: the one in progress, or the last recorded one.
  var eventEpoch: Int?
  var lastPublish = -Double.infinity
  var batchProgress = BatchProgress()

  /// - Parameters:
  ///   - run: the run's description for the snapshot.
  ///   - link: where snapshots are published; nil to keep them (replay, tests, watched runs not shown).
  ///   - elapsed: seconds since the run started; the default counts from now.
  package init(
    run: RunDescription, options: Options = Options(), link: EngineLink? = nil,
    elapsed: (() -> Double)? = nil
  ) {
    self.options = options
    self.link = link
    diagnoser = Diagnoser(
      options: .init(classCount: options.classCount, configuration: run.configuration))
    if let elapsed {
      self.elapsed = elapsed
    } else {
      let start = ContinuousClock.now
      self.elapsed = { (ContinuousClock.now - start) / .seconds(1) }
    }
    snapshot = TrainingSnapshot(run: run)
    if options.keepsEveryEpoch { snapshot.epochArchive = EpochArchive() }
    history = EpochHistory(capacity: options.historyCapacity)
    events = CappedList(limit: options.eventLimit)
    confusions = CappedList(limit: options.confusionLimit)
    timeline = VerdictTimeline(hysteresis: options.hysteresis)
    var stopping = options.earlyStopping
    if let monitor = options.monitor { stopping.monitor = monitor }
    earlyStopping = EarlyStopping(options: stopping)
    earlyStopping.enabled = options.earlyStoppingEnabled || !options.steersRun
    monitorResolved = options.monitor != nil
    snapshot.earlyStopping = stoppingStatus
    if !options.steersRun { snapshot.status = .watching }
  }

  // MARK: Reading

  /// The snapshot as it stands (published copies are the same value).
  package var currentSnapshot: TrainingSnapshot { snapshot }
  /// The verdicts shown: the timeline's state with its newest evidence, then gradient signals.
  package var verdicts: [Verdict] { snapshot.verdicts }
  /// The run's verdict: the timeline's last state.
  package var verdict: VerdictKind { timeline.current }
  package var earlyStoppingState: EarlyStopping { earlyStopping }
  /// How many epochs were recorded.
  package var epochCount: Int { history.recordedCount }
  /// The kept epochs (bounded; every epoch when fewer than the history's capacity).
  package var epochs: [EpochRecord] { history.records }
  package var runDirectory: String? { runLog?.directory }
  /// Seconds since the run started, by the recorder's clock.
  package var elapsedSeconds: Double { elapsed() }
  /// The run log's size and batch stride now, when every line so far is in it (a checkpoint
  /// taken now can be resumed from this point of the log); nil without a run log or after a
  /// failed write.
  package var completeRunLogPosition: (bytes: Int, batchStride: Int)? {
    guard let runLog, runLog.isComplete else { return nil }
    return (runLog.committedBytes, runLog.batchStride)
  }

  // MARK: Feeding

  /// Gives the recorder the run log to write; every later record and event goes to it.
  package func attach(runLog writer: RunLogWriter) {
    runLog = writer
  }

  /// The run starts: planned length, batches per epoch, the learning rate and its planned future.
  package func start(
    totalEpochs: Int?, batchesPerEpoch: Int?, learningRate: Double?,
    plannedRates: [PlannedRate] = []
  ) {
    snapshot.status = options.steersRun ? .running : .watching
    snapshot.progress.totalEpochs = totalEpochs
    snapshot.progress.batchesPerEpoch = batchesPerEpoch
    snapshot.progress.epoch = max(snapshot.progress.epoch, 1)
    snapshot.learningRate = learningRate
    snapshot.plannedLearningRates = plannedRates
    publish()
  }

  /// Records an event; it goes to the snapshot and the run log.
  /// - Parameters:
  ///   - epoch: the epoch it belongs to; nil for the epoch in progress (or the last one recorded).
  ///   - elapsed: seconds since the start; nil for now (a replayed event brings its own).
  @discardableResult
  package func note(
    _ kind: RunEvent.Kind, _ text: String, epoch: Int? = nil, elapsed seconds: Double? = nil
  ) -> RunEvent {
    // A replayed event brings its time; the recorder's own events in a replay follow the last one.
    let time = seconds ?? max(elapsed(), lastElapsed)
    lastElapsed = max(lastElapsed, time)
    let event = RunEvent(elapsedSeconds: time, epoch: epoch ?? eventEpoch, kind: kind, text: text)
    events.append(event)
    snapshot.events = events.elements
    if let runLog {
      do { try runLog.writeEvent(event) } catch { runLogFailed(error, writing: "an event") }
    }
    publish()
    return event
  }

  /// The run's status changed (paused, resumed, failed, finished…).
  package func setStatus(_ status: RunStatus) {
    snapshot.status = status
    publish()
  }

  /// The number of classes became known (a followed log's header): chance level for diagnosis.
  package func setClassCount(_ count: Int?) {
    var options = diagnoser.options
    options.chanceAccuracy = Diagnoser.Options(classCount: count).chanceAccuracy
    diagnoser = Diagnoser(options: options)
  }

  /// The run's configuration became known (a log's header): the diagnoser reads what the run
  /// already does (its initializer, activation, optimizer, L2) so advice never repeats it.
  package func setConfiguration(_ pairs: [RunDescription.KeyValue]) {
    var options = Diagnoser.Options(classCount: nil, configuration: pairs)
    options.chanceAccuracy = diagnoser.options.chanceAccuracy
    diagnoser = Diagnoser(options: options)
  }

  /// How long a followed log has been quiet (`TrainingProgress.quietSeconds`).
  package func setQuietSeconds(_ seconds: Double?) {
    snapshot.progress.quietSeconds = seconds
  }

  /// How far a followed log's backlog has been read (nil once it is all read), and when the log
  /// last changed.
  package func setLoading(_ loading: LoadingProgress?, lastModification: Double?) {
    snapshot.progress.loading = loading
    snapshot.progress.lastModification = lastModification
  }

  /// Hands the snapshot to `target` at once (a watch session shows the selected run's recorder).
  package func publish(to target: EngineLink) {
    snapshot.progress.elapsedSeconds = max(snapshot.progress.elapsedSeconds, elapsed())
    target.show(snapshot)
  }

  /// Epochs a followed log has written but that may still change (the last line of a file that
  /// is still growing): the snapshot draws them after the recorded ones; diagnosis waits.
  package func showPending(_ records: [EpochRecord]) {
    guard records != pendingEpochs else { return }
    pendingEpochs = records
    snapshot.epochs = history.records + records
  }

  /// The description changed (a followed log's configuration arrived).
  package func describe(_ run: RunDescription) {
    guard snapshot.run != run else { return }
    snapshot.run = run
    setConfiguration(run.configuration)
    publish(force: false)
  }

  /// A learning-rate change that is not the planned schedule (a key, reduce-on-plateau).
  package func record(
    learningRateChange change: LearningRateChange, plannedRates: [PlannedRate]? = nil
  ) {
    snapshot.learningRateChanges.append(change)
    if change.cause != .plateau { snapshot.learningRate = change.to }
    if let plannedRates { snapshot.plannedLearningRates = plannedRates }
    publish()
  }

  /// The planned schedule from now on changed.
  package func setPlannedRates(_ rates: [PlannedRate]) {
    snapshot.plannedLearningRates = rates
  }

  /// Turns early stopping on or off (key `e`); a disabled policy still tracks the best epoch.
  package func setEarlyStopping(enabled: Bool) {
    earlyStopping.enabled = enabled
    snapshot.earlyStopping = stoppingStatus
    publish()
  }

  /// Other runs beside this one (watch's run picker) and the scalars no canonical name covers.
  package func setContext(comparisons: [ComparisonRun], unmappedScalars: [String]) {
    guard snapshot.comparisonRuns != comparisons || snapshot.unmappedScalars != unmappedScalars
    else { return }
    snapshot.comparisonRuns = comparisons
    snapshot.unmappedScalars = unmappedScalars
  }

  /// Adopts per-batch series read from a followed log (its files keep them per file).
  package func adopt(
    batchLoss: BatchSeries, batchAccuracy: BatchSeries, batchLearningRate: BatchSeries,
    learningRate: Double?, globalStep: Int, epochEnds: [EpochEnd] = []
  ) {
    snapshot.epochEnds = epochEnds
    snapshot.batchLoss = batchLoss
    snapshot.batchAccuracy = batchAccuracy
    snapshot.batchLearningRate = batchLearningRate
    if let learningRate { snapshot.learningRate = learningRate }
    snapshot.progress.globalStep = globalStep
  }

  /// Shows a learning-rate range test (nil: none any more). While it runs, snapshots are
  /// throttled like batch records; its end and the answer publish at once.
  package func show(rangeTest: RangeTestState?) {
    let force = rangeTest?.phase != .running
    snapshot.rangeTest = rangeTest
    publish(force: force)
  }

  /// Writes a file next to the run log (best weights); nil without a run log.
  package func saveBestWeights(_ bytes: [UInt8]) -> String? {
    guard let runLog else { return nil }
    do {
      let path = try runLog.writeBestWeights(bytes)
      note(.info, "best weights saved to \(path)")
      return path
    } catch {
      note(.warning, "could not save best weights: \(error)")
      return nil
    }
  }

  /// The held-out test result (evaluated once at the end); goes to the snapshot and the run log.
  package func record(test: TestSummary) {
    snapshot.test = test
    if let runLog {
      do { try runLog.writeTest(test) } catch { runLogFailed(error, writing: "the test result") }
    }
    publish()
  }

  /// The run ended: final status, the run log closed. Finished runs get finished-run advice.
  package func finish(status: RunStatus) {
    guard !finished else { return }
    finished = true
    snapshot.status = status
    snapshot.plannedLearningRates = []
    snapshot.verdicts = snapshot.verdicts.map { Advice.forFinishedRun($0) }
    if let runLog {
      do { try runLog.writeEnd(status, lastEpoch: history.last?.epoch) } catch {
        runLogFailed(error, writing: "the run's end")
      }
      var closeError: RunLogError?
      do { try runLog.close() } catch { closeError = error }
      runLogProblem = Self.incompleteLog(runLog, closeError: closeError)
      self.runLog = nil
    }
    publish()
  }

  // MARK: Publishing

  /// Hands the snapshot to the link (throttled to `publishInterval` unless forced).
  func publish(force: Bool = true) {
    guard let link else { return }
    let now = elapsed()
    guard force || now - lastPublish >= options.publishInterval else { return }
    lastPublish = now
    snapshot.progress.elapsedSeconds = max(snapshot.progress.elapsedSeconds, now)
    link.show(snapshot)
  }

  var stoppingStatus: EarlyStoppingStatus {
    var status = earlyStopping.status
    status.enabled = options.steersRun && earlyStopping.enabled
    return status
  }
}
