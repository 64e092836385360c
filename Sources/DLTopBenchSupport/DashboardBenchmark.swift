import DLTopMonitor
import DLTopTUI

/// Frame-time measurement for `dltop-bench`: a big synthetic run and a timed render loop.
package enum DashboardBenchmark {
  /// A synthetic classification run: `batches` per-batch losses, accuracies and rates (kept in
  /// bounded `BatchSeries`), one epoch record and confusion matrix per `batchesPerEpoch` batches,
  /// a verdict, early stopping, a planned schedule and 500 events.
  package static func syntheticSnapshot(
    batches: Int = 1_000_000, batchesPerEpoch: Int = 1000, classes: Int = 10
  ) -> TrainingSnapshot {
    let names = (0..<classes).map { "class\($0)" }
    var s = TrainingSnapshot(
      run: RunDescription(
        name: "benchmark", source: "dltop", optimizer: "adam", classNames: names, controllable: true
      ))
    s.status = .running
    let epochs = batches / batchesPerEpoch
    s.progress.epoch = epochs + 1
    s.progress.totalEpochs = epochs + 10
    s.progress.batchesPerEpoch = batchesPerEpoch
    s.progress.batch = batches % batchesPerEpoch
    s.progress.globalStep = batches
    s.progress.samplesPerSecond = 50_000
    s.progress.elapsedSeconds = 3600
    s.progress.etaSeconds = 600
    var noise: UInt64 = 7
    for i in 0..<batches {
      noise = noise &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let jitter = Double(noise >> 11) / Double(1 << 53)
      let x = Double(i) / Double(batchesPerEpoch)
      let loss = 0.2 + 2 / (1 + x) * (0.8 + 0.4 * jitter)
      s.batchLoss.append(loss)
      s.batchAccuracy.append(1 - loss / 3)
      s.batchLearningRate.append(1e-3 / (1 + x / 10))
    }
    for e in 1...max(1, epochs) {
      let x = Double(e)
      s.epochs.append(
        EpochRecord(
          epoch: e,
          metrics: [
            "loss": 0.2 + 2 / (1 + x), "val_loss": 0.3 + 2 / (1 + x) + 0.001 * x,
            "accuracy": 1 - 0.6 / (1 + x), "val_accuracy": 0.95 - 0.6 / (1 + x),
            "lr": 1e-3 / (1 + x / 10),
          ]))
      var counts = Array(repeating: Array(repeating: e % 7, count: classes), count: classes)
      for k in 0..<classes { counts[k][k] = 900 + e }
      s.confusions.append(ConfusionRecord(epoch: e, counts: counts))
    }
    if s.confusions.count > 200 { s.confusions.removeFirst(s.confusions.count - 200) }
    s.learningRate = 1e-3 / (1 + Double(epochs) / 10)
    s.plannedLearningRates = (0...10).map {
      PlannedRate(step: batches + $0 * batchesPerEpoch, rate: 1e-3 / (1 + Double(epochs + $0) / 10))
    }
    s.earlyStopping = EarlyStoppingStatus(
      enabled: true, monitor: "val_loss", patience: 20, wait: 3, bestEpoch: max(1, epochs - 3),
      bestValue: 0.31)
    s.verdicts = [
      Verdict(
        kind: .overfitting, onsetEpoch: max(1, epochs - 3), confidence: 0.7,
        evidence: "val_loss up 2% from its minimum while loss fell 4%",
        advice: "raise dropout, raise L2, augment the data")
    ]
    s.events = (0..<500).map {
      RunEvent(elapsedSeconds: Double($0) * 7, epoch: $0 / 5, kind: .info, text: "event \($0)")
    }
    return s
  }

  /// Renders `frames` whole frames of `snapshot` at `size` and diffs each against the previous
  /// screen (everything a frame costs except the terminal write), after one untimed warm-up
  /// frame. A new batch is appended before each frame, as during training.
  /// - Returns: the median and the slowest frame, in seconds.
  @MainActor
  package static func benchmarkFrame(
    snapshot: TrainingSnapshot, size: (width: Int, height: Int) = (200, 60), frames: Int = 50
  ) -> (median: Double, slowest: Double) {
    var snapshot = snapshot
    let dashboard = Dashboard(snapshot: snapshot)
    var cache = ScreenCache()
    var times: [Double] = []
    let clock = ContinuousClock()
    cache.apply(dashboard.render(snapshot: snapshot, size: size)) { _, _, _ in }
    for frame in 0..<max(1, frames) {
      snapshot.batchLoss.append(0.3 + Double(frame % 7) * 0.01)
      snapshot.generation &+= 1
      let elapsed = clock.measure {
        let grid = dashboard.render(snapshot: snapshot, size: size)
        cache.apply(grid) { _, _, _ in }
      }
      times.append(
        (elapsed / .seconds(1)))
    }
    times.sort()
    return (times[times.count / 2], times.last ?? 0)
  }
}
