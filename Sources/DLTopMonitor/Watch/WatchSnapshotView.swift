/// What a `WatchSession` publishes, computed off the lock: the selected run's records and series,
/// and the other runs' epochs for comparison.
struct WatchSnapshotView {
  var run: RunDescription
  var epochs: [EpochRecord]
  var batchLoss: BatchSeries
  var batchAccuracy: BatchSeries
  var batchLearningRate: BatchSeries
  var learningRate: Double?
  var globalStep: Int
  var elapsedSeconds: Double
  var comparisons: [ComparisonRun]
  var unmapped: [String]

  init(runs: [WatchRun], selectedRoot: String?, watchedPath: String, elapsed: Duration) {
    let selected = runs.first { $0.root == selectedRoot }
    epochs = selected?.mergedEpochs() ?? []
    let source = selected?.stepSource
    batchLoss = source?.batchLoss ?? BatchSeries()
    batchAccuracy = source?.batchAccuracy ?? BatchSeries()
    batchLearningRate = source?.batchLearningRate ?? BatchSeries()
    learningRate = source?.learningRate ?? epochs.last?.learningRate
    globalStep = selected?.files.compactMap(\.lastStep).max() ?? 0
    elapsedSeconds =
      Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    run = RunDescription(
      name: selected?.name ?? watchedPath, source: selected?.root ?? watchedPath,
      format: selected?.format?.rawValue,
      configuration: selected?.files.flatMap(\.configuration) ?? [], controllable: false)
    comparisons = runs.filter { $0.root != selectedRoot }.map {
      ComparisonRun(
        name: $0.name, epochs: $0.mergedEpochs(), configuration: $0.files.flatMap(\.configuration))
    }
    unmapped = (selected?.metricNames ?? []).filter { !TensorBoardTagMapping.isCanonical($0) }
      .sorted()
  }

  /// Writes the view into `snapshot`, keeping what others own (verdicts, early stopping, events)
  /// and the visibility the user chose for each comparison run.
  func apply(to snapshot: inout TrainingSnapshot) {
    let visibility = Dictionary(
      snapshot.comparisonRuns.map { ($0.name, $0.visible) }, uniquingKeysWith: { first, _ in first }
    )
    snapshot.run = run
    snapshot.status = .watching
    snapshot.epochs = epochs
    snapshot.batchLoss = batchLoss
    snapshot.batchAccuracy = batchAccuracy
    snapshot.batchLearningRate = batchLearningRate
    snapshot.learningRate = learningRate
    snapshot.progress.epoch = epochs.count
    snapshot.progress.globalStep = globalStep
    snapshot.progress.elapsedSeconds = elapsedSeconds
    snapshot.comparisonRuns = comparisons.map { run in
      var copy = run
      copy.visible = visibility[run.name] ?? true
      return copy
    }
    snapshot.unmappedScalars = unmapped
  }
}
