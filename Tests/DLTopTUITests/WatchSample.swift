import DLTopMonitor
import Foundation

/// A watched folder of three Keras runs for golden screens: the main run `runs/exp-b-adam`
/// (`SampleRun`'s curves, 20 epochs, early stopping would have fired at epoch 19), and two
/// comparison runs, listed out of name order as a producer might: `runs/exp-c-adam-lr3e-3`
/// (faster, overfits harder) and `runs/exp-a-sgd` (slower, still falling). Every run logs the
/// unmapped scalars `f1`, `val_f1` and `epoch_time`.
enum WatchSample {
  static let mainName = "runs/exp-b-adam"
  static let fastName = "runs/exp-c-adam-lr3e-3"
  static let slowName = "runs/exp-a-sgd"
  /// The picker's order: every run sorted by name.
  static let sortedNames = [slowName, mainName, fastName]

  static func snapshot(slowVisible: Bool = true) -> TrainingSnapshot {
    var s = SampleRun.snapshot(finishedEpochs: 20, controllable: false)
    s.run.name = mainName
    s.run.source = "runs/exp-b-adam/log.csv"
    s.run.format = "keras-csv"
    s.run.classNames = nil
    s.progress = TrainingProgress()
    s.progress.epoch = 20
    s.progress.elapsedSeconds = 330
    s.batchLoss = BatchSeries()
    s.batchAccuracy = BatchSeries()
    s.batchLearningRate = BatchSeries()
    s.plannedLearningRates = []
    s.learningRateChanges = []
    s.confusions = []
    s.events = [
      RunEvent(elapsedSeconds: 0, epoch: nil, kind: .info, text: "watching runs (3 runs)"),
      RunEvent(
        elapsedSeconds: 300, epoch: 19, kind: .earlyStop,
        text: "early stopping would have stopped at epoch 19 (advice)"),
    ]
    s.earlyStopping = EarlyStoppingStatus(
      enabled: true, monitor: "val_loss", patience: 5, wait: 6, bestEpoch: 14,
      bestValue: SampleRun.validationLoss(14), stoppedEpoch: 19)
    for i in s.epochs.indices {
      let e = Double(s.epochs[i].epoch)
      s.epochs[i].metrics["f1"] = 0.6 + 0.3 * (1 - exp(-e / 6))
      s.epochs[i].metrics["val_f1"] = 0.55 + 0.28 * (1 - exp(-e / 5)) - 0.002 * max(0, e - 12)
      s.epochs[i].metrics["epoch_time"] = 16 + (e.truncatingRemainder(dividingBy: 3))
    }
    s.comparisonRuns = [
      ComparisonRun(name: fastName, epochs: run(epochs: 16, speed: 2, overfit: 0.02)),
      ComparisonRun(
        name: slowName, epochs: run(epochs: 24, speed: 0.5, overfit: 0), visible: slowVisible),
    ]
    s.unmappedScalars = ["epoch_time", "f1", "val_f1"].sorted()
    return s
  }

  /// A run with `SampleRun`'s shape, `speed` times as fast, overfitting by `overfit` per epoch
  /// after epoch 6.
  static func run(epochs: Int, speed: Double, overfit: Double) -> [EpochRecord] {
    (1...epochs).map { epoch in
      let e = Double(epoch)
      let loss = 0.22 + 1.1 * exp(-e * speed / 5)
      let validationLoss = 0.34 + 0.9 * exp(-e * speed / 4) + overfit * max(0, e - 6)
      return EpochRecord(
        epoch: epoch,
        metrics: [
          "loss": loss, "val_loss": validationLoss, "accuracy": min(0.99, 1 - 0.5 * loss),
          "val_accuracy": 1 - 0.55 * validationLoss, "lr": 1e-3,
          "f1": 0.5 + 0.4 * (1 - exp(-e * speed / 6)),
          "val_f1": 0.45 + 0.35 * (1 - exp(-e * speed / 5)),
          "epoch_time": 12,
        ])
    }
  }
}
