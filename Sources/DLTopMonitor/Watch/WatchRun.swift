import Foundation

/// One followed run inside a `WatchSession`: its files' followers and what they have read so far.
///
/// Epochs are kept per file and merged by epoch number when asked, which is how Keras's `train/`
/// and `validation/` halves become one record (`loss` from one, `val_loss` from the other) and how a
/// file that is re-read from the start drops its old records without touching the other files.
/// Confined to the session's queue.
final class WatchRun {
  /// What one file contributed.
  final class FileState {
    let file: LogDiscovery.File
    let follower: LogFollower
    /// Emitted (complete) epochs by number.
    var epochs: [Int: EpochRecord] = [:]
    /// The highest epoch this file has emitted as complete.
    var completedThrough: Int?
    /// Buckets per series: few while the run is followed in the background, more once shown.
    private(set) var batchCapacity = WatchRun.backgroundBatchCapacity
    var batchLoss = BatchSeries(capacity: WatchRun.backgroundBatchCapacity)
    var batchAccuracy = BatchSeries(capacity: WatchRun.backgroundBatchCapacity)
    var batchLearningRate = BatchSeries(capacity: WatchRun.backgroundBatchCapacity)
    var lastStep: Int?
    /// Where each epoch ended, as the file says (by epoch number).
    var epochEnds: [Int: EpochEnd] = [:]
    var learningRate: Double?
    var metricNames: Set<String> = []
    var configuration: [RunDescription.KeyValue] = []
    var classNames: [String]?
    /// Validation confusion matrices of a dltop run log, by epoch.
    var confusions: [Int: ConfusionRecord] = [:]
    /// Events, test result and end of a dltop run log, each with the epoch it followed, waiting
    /// until the run's recorder has recorded that epoch.
    var pendingRecords: [(afterEpoch: Int?, record: RunLogRecord)] = []

    /// Lightning's `hparams.yaml` beside the file, read once: the start of `configuration`.
    let hyperParameters: [RunDescription.KeyValue]

    init(file: LogDiscovery.File) {
      self.file = file
      follower = LogFollower(file: file)
      switch file.format {
      case .lightningCSV, .tensorBoard:
        hyperParameters = LightningHparams.read(
          folder: (file.path as NSString).deletingLastPathComponent)
      default:
        hyperParameters = []
      }
      configuration = hyperParameters
    }

    func reset() {
      epochs = [:]
      completedThrough = nil
      batchLoss = BatchSeries(capacity: batchCapacity)
      batchAccuracy = BatchSeries(capacity: batchCapacity)
      batchLearningRate = BatchSeries(capacity: batchCapacity)
      lastStep = nil
      epochEnds = [:]
      learningRate = nil
      confusions = [:]
      pendingRecords = []
    }

    /// Takes the items of one poll; returns the issues among them.
    func take(_ items: [LogItem]) -> [LogIssue] {
      var issues: [LogIssue] = []
      for item in items {
        switch item {
        case .epoch(let record):
          if let last = completedThrough, record.epoch < last {
            // Epochs went back: a run appended to the same file, or a resumed one (EpochRestart).
            let ordered = epochs.values.sorted { $0.epoch < $1.epoch } + [record]
            let restart = EpochRestart.resolve(ordered, path: file.path)
            epochs = Dictionary(restart.epochs.map { ($0.epoch, $0) }) { _, new in new }
            issues += restart.issues
            completedThrough = record.epoch
            metricNames.formUnion(record.metrics.keys)
            continue
          }
          if let previous = epochs[record.epoch] {
            epochs[record.epoch]?.metrics = previous.metrics.merging(record.metrics) { _, new in new
            }
          } else {
            epochs[record.epoch] = record
          }
          completedThrough = max(completedThrough ?? record.epoch, record.epoch)
          metricNames.formUnion(record.metrics.keys)
        case .step(let step, _, let metrics, let stamp):
          if let loss = metrics[MetricName.loss] {
            batchLoss.append(loss, step: step, stamp: stamp)
          }
          if let accuracy = metrics[MetricName.accuracy] {
            batchAccuracy.append(accuracy, step: step, stamp: stamp)
          }
          if let rate = metrics[MetricName.learningRate] {
            batchLearningRate.append(rate, step: step, stamp: stamp)
            learningRate = rate
          }
          lastStep = max(lastStep ?? step, step)
          metricNames.formUnion(metrics.keys)
        case .stepValues(let values):
          take(values)
        case .epochEnd(let end):
          epochEnds[end.epoch] = end
        case .configuration(let pairs):
          configuration = hyperParameters + pairs
        case .issue(let issue):
          issues.append(issue)
        case .run(.classNames(let names)):
          classNames = names
        case .run(.confusion(let confusion)):
          confusions[confusion.epoch] = confusion
        case .run(let record):
          pendingRecords.append((completedThrough, record))
        }
      }
      return issues
    }

    /// Gives the per-step series the full resolution of a run on screen.
    func showInFull() {
      guard batchCapacity < WatchRun.shownBatchCapacity else { return }
      batchCapacity = WatchRun.shownBatchCapacity
      batchLoss = batchLoss.resized(capacity: batchCapacity)
      batchAccuracy = batchAccuracy.resized(capacity: batchCapacity)
      batchLearningRate = batchLearningRate.resized(capacity: batchCapacity)
    }

    /// Takes a batch of per-step values: each name is matched to its series once per batch.
    private func take(_ values: StepValues) {
      let kinds = values.names.map { MetricName($0).kind }
      var used = [Bool](repeating: false, count: values.names.count)
      for point in values.points {
        let metric = Int(point.metric)
        used[metric] = true
        let stamp = StepStamp(wallTime: point.wallTime)
        switch kinds[metric] {
        case .loss: batchLoss.append(point.value, step: point.step, stamp: stamp)
        case .accuracy: batchAccuracy.append(point.value, step: point.step, stamp: stamp)
        case .learningRate:
          batchLearningRate.append(point.value, step: point.step, stamp: stamp)
          learningRate = point.value
        default: break
        }
        lastStep = max(lastStep ?? point.step, point.step)
      }
      for (name, isUsed) in zip(values.names, used) where isUsed { metricNames.insert(name) }
    }
  }

  /// Buckets per per-step series of a run on screen (`BatchSeries`'s default).
  static let shownBatchCapacity = 4096
  /// Buckets per per-step series of a run not shown yet: about 50 KB a series instead of 400 KB,
  /// so a folder of 200 runs stays small; still more buckets than a chart has columns.
  static let backgroundBatchCapacity = 512

  let discovered: LogDiscovery.Run
  var files: [FileState]
  /// When a file of this run last grew (or the run was found).
  var lastGrowth: ContinuousClock.Instant
  /// Gives the run's per-step series the full resolution of a run on screen (it was selected).
  func showInFull() { files.forEach { $0.showInFull() } }

  /// Whether its files have been read to their end at least once (a run still loading in the
  /// background has not).
  var caughtUp = false
  /// Epochs already passed to `onNewEpoch`, with the values they had then.
  var announced: [Int: [String: Double]] = [:]

  /// Whether `record` was announced with the same values (NaN equal to NaN) for the metrics both have.
  func wasAnnounced(_ record: EpochRecord) -> Bool {
    guard let old = announced[record.epoch] else { return false }
    return old.allSatisfy { name, value in
      guard let now = record.metrics[name] else { return true }
      return now == value || (now.isNaN && value.isNaN)
    }
  }

  /// The run's recorder: its history, diagnosis, timeline and snapshot.
  private(set) var recorder: RunRecorder

  /// When any of its files last changed (seconds since 1970), as of the last poll.
  var lastModification: Double? { files.compactMap(\.follower.knownModification).max() }

  /// How far the files' backlog has been read, while some file has bytes left to read.
  var loading: LoadingProgress? {
    let reading = files.filter { $0.follower.knownSize > $0.follower.offset }
    guard let first = reading.first else { return nil }
    let read = files.reduce(0) { $0 + Int($1.follower.offset) }
    let total = files.reduce(0) { $0 + Int(max($1.follower.knownSize, $1.follower.offset)) }
    return LoadingProgress(
      file: (first.file.path as NSString).lastPathComponent, bytesRead: read, totalBytes: total)
  }
  private let recorderOptions: RunRecorder.Options
  /// The end the log recorded, until `takeEnd()` reports it.
  private var ended: RunStatus?

  /// The run's end, once, when its log recorded one since the last call.
  func takeEnd() -> RunStatus? {
    defer { ended = nil }
    return ended
  }

  /// The last epoch the recorder has recorded.
  private(set) var recordedThrough: Int?

  init(_ run: LogDiscovery.Run, now: ContinuousClock.Instant, options: RunRecorder.Options) {
    discovered = run
    files = run.files.map(FileState.init)
    lastGrowth = now
    var adjusted = options
    adjusted.steersRun = false
    if run.files.first?.format == .dltopRunLog { adjusted.advisesEarlyStop = false }
    recorderOptions = adjusted
    recorder = RunRecorder(
      run: RunDescription(name: run.name, source: run.root, controllable: false), options: adjusted)
  }

  /// Whether `record` is past what the recorder has recorded.
  func isNew(_ record: EpochRecord) -> Bool {
    recordedThrough.map { record.epoch > $0 } ?? true
  }

  /// A file was read again from the start: the run's history starts again.
  func restart() {
    recorder = RunRecorder(
      run: RunDescription(name: name, source: root, controllable: false), options: recorderOptions)
    recordedThrough = nil
  }

  /// Records a settled epoch; an epoch at or before the last one recorded means the log was
  /// rewritten with new values, so the run's history starts again from the merged epochs.
  func record(_ record: EpochRecord) -> EpochDecision {
    if !isNew(record) {
      restart()
      for earlier in mergedEpochs() where earlier.epoch < record.epoch {
        recordEpoch(earlier)
      }
    }
    return recordEpoch(record)
  }

  /// The merged epochs the recorder has not recorded yet (still pending), for drawing.
  func unrecordedEpochs() -> [EpochRecord] {
    guard let through = recordedThrough else { return mergedEpochs() }
    return mergedEpochs().filter { $0.epoch > through }
  }

  @discardableResult
  private func recordEpoch(_ record: EpochRecord) -> EpochDecision {
    if recordedThrough == nil {
      recorder.setConfiguration(files.flatMap(\.configuration))
      if let names = files.lazy.compactMap(\.classNames).first {
        recorder.setClassCount(names.count)
      }
    }
    let confusion = files.lazy.compactMap { $0.confusions[record.epoch] }.first
    let decision = recorder.record(epoch: record, confusion: confusion)
    recordedThrough = record.epoch
    replayPendingRecords(all: false)
    return decision
  }

  /// Feeds the logged events, test result and end that followed the epochs recorded so far (or
  /// every one, when the run is settled for good).
  func replayPendingRecords(all: Bool) {
    for state in files {
      var kept: [(afterEpoch: Int?, record: RunLogRecord)] = []
      for entry in state.pendingRecords {
        let due =
          all
          || entry.afterEpoch.map { epoch in recordedThrough.map { epoch <= $0 } ?? false } ?? true
        guard due, kept.isEmpty else {
          kept.append(entry)
          continue
        }
        switch entry.record {
        case .event(let event) where event.kind != .verdict:
          recorder.note(event.kind, event.text, epoch: event.epoch, elapsed: event.elapsedSeconds)
        case .test(let summary):
          recorder.record(test: summary)
        case .end(let status):
          recorder.finish(status: status)
          ended = status
        default:
          break
        }
      }
      state.pendingRecords = kept
    }
  }

  var name: String { discovered.name }
  var root: String { discovered.root }
  var format: LogFormat? { files.first?.file.format }

  /// Adds files that appeared in the run's folder since it was found.
  func adopt(_ run: LogDiscovery.Run) {
    let known = Set(files.map(\.file.path))
    for file in run.files where !known.contains(file.path) {
      files.append(FileState(file: file))
    }
  }

  /// Every epoch, complete or still pending, merged across files by number, oldest first.
  func mergedEpochs() -> [EpochRecord] {
    var merged: [Int: EpochRecord] = [:]
    for state in files {
      let all = Array(state.epochs.values) + state.follower.pendingEpochs
      for record in all {
        if let previous = merged[record.epoch] {
          merged[record.epoch]?.metrics = previous.metrics.merging(record.metrics) { _, new in new }
          merged[record.epoch]?.seconds = previous.seconds ?? record.seconds
        } else {
          merged[record.epoch] = record
        }
      }
    }
    return merged.keys.sorted().compactMap { merged[$0] }
  }

  /// The last epoch known to be complete in every file of the run.
  ///
  /// A file without a completed epoch yet holds everything back: Keras's `train/` file starts
  /// with per-batch scalars and gets its first `epoch_loss` at the same moment `validation/` gets
  /// its own, so announcing from one half alone would miss the other half's metrics. A run whose
  /// file never gets epochs is settled by quiet time instead (`WatchSession`'s `settleAfter`).
  func settledThrough() -> Int? {
    var lowest: Int?
    for state in files {
      guard let mark = state.completedThrough else { return nil }
      lowest = min(lowest ?? mark, mark)
    }
    return lowest
  }

  /// The per-batch series of the first file that has any, as the dashboard shows one.
  var stepSource: FileState? {
    files.first { $0.batchLoss.count > 0 } ?? files.first { $0.batchLearningRate.count > 0 }
  }

  var metricNames: Set<String> { files.reduce(into: []) { $0.formUnion($1.metricNames) } }

  /// Where each epoch ended, merged across files (the per-step file's step first), by epoch.
  func epochEnds() -> [EpochEnd] {
    var merged: [Int: EpochEnd] = [:]
    let source = stepSource
    for state in [source].compactMap({ $0 }) + files.filter({ $0 !== source }) {
      for (epoch, end) in state.epochEnds {
        merged[epoch] = merged[epoch].map { $0.filled(from: end) } ?? end
      }
    }
    return merged.keys.sorted().compactMap { merged[$0] }
  }
}
