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
    var batchLoss = BatchSeries()
    var batchAccuracy = BatchSeries()
    var batchLearningRate = BatchSeries()
    var lastStep: Int?
    var learningRate: Double?
    var metricNames: Set<String> = []
    var configuration: [RunDescription.KeyValue] = []

    init(file: LogDiscovery.File) {
      self.file = file
      follower = LogFollower(path: file.path, format: file.format, context: file.context)
    }

    func reset() {
      epochs = [:]
      completedThrough = nil
      batchLoss = BatchSeries()
      batchAccuracy = BatchSeries()
      batchLearningRate = BatchSeries()
      lastStep = nil
      learningRate = nil
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
        case .step(let step, _, let metrics):
          if let loss = metrics[MetricName.loss] { batchLoss.append(loss) }
          if let accuracy = metrics[MetricName.accuracy] { batchAccuracy.append(accuracy) }
          if let rate = metrics[MetricName.learningRate] {
            batchLearningRate.append(rate)
            learningRate = rate
          }
          lastStep = max(lastStep ?? step, step)
          metricNames.formUnion(metrics.keys)
        case .configuration(let pairs):
          configuration = pairs
        case .issue(let issue):
          issues.append(issue)
        }
      }
      return issues
    }
  }

  let discovered: LogDiscovery.Run
  var files: [FileState]
  /// When a file of this run last grew (or the run was found).
  var lastGrowth: ContinuousClock.Instant
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

  init(_ run: LogDiscovery.Run, now: ContinuousClock.Instant) {
    discovered = run
    files = run.files.map(FileState.init)
    lastGrowth = now
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
}
