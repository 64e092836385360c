/// What a `WatchSession` hands the selected run's recorder before it publishes: the run's
/// description, its per-batch series (kept per file), and the other runs for comparison.
struct WatchSnapshotView {
  var run: RunDescription
  var batchLoss: BatchSeries
  var batchAccuracy: BatchSeries
  var batchLearningRate: BatchSeries
  var learningRate: Double?
  var globalStep: Int
  var epochEnds: [EpochEnd]
  var comparisons: [ComparisonRun]
  var unmapped: [String]

  init(runs: [WatchRun], selected: WatchRun) {
    let source = selected.stepSource
    batchLoss = source?.batchLoss ?? BatchSeries()
    batchAccuracy = source?.batchAccuracy ?? BatchSeries()
    batchLearningRate = source?.batchLearningRate ?? BatchSeries()
    learningRate =
      source?.learningRate
      ?? (selected.unrecordedEpochs().last ?? selected.recorder.epochs.last)?.learningRate
    globalStep = selected.files.compactMap(\.lastStep).max() ?? 0
    epochEnds = selected.epochEnds()
    run = RunDescription(
      name: selected.name, source: selected.root, format: selected.format?.rawValue,
      classNames: selected.files.lazy.compactMap(\.classNames).first,
      configuration: selected.files.flatMap(\.configuration), controllable: false)
    comparisons = runs.filter { $0.root != selected.root }.map {
      ComparisonRun(
        name: $0.name, epochs: $0.recorder.epochs + $0.unrecordedEpochs(),
        configuration: $0.files.flatMap(\.configuration), lastModification: $0.lastModification,
        epochEnds: $0.epochEnds(), loading: !$0.caughtUp)
    }
    unmapped = selected.metricNames.filter { !TensorBoardTagMapping.isCanonical($0) }.sorted()
  }
}
