import DLTopMonitor
import Foundation

/// A fixed, hand-built run for golden screens: Fashion-MNIST-like classification, 10 classes,
/// 30 planned epochs, 18 finished, overfitting since epoch 12, early stopping waiting 4 of 5,
/// a step-decay plan ahead, one learning-rate change by key, and confusion matrices per epoch.
enum SampleRun {
  static let classNames = [
    "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag",
    "Ankle boot",
  ]
  static let batchesPerEpoch = 469

  static func trainLoss(_ e: Double) -> Double { 0.25 + 0.9 * exp(-e / 5) }
  static func validationLoss(_ e: Double) -> Double {
    0.36 + 0.75 * exp(-e / 4) + 0.004 * pow(max(0, e - 12), 1.6)
  }

  static func snapshot(finishedEpochs: Int = 18, controllable: Bool = true) -> TrainingSnapshot {
    var run = RunDescription(
      name: "fashion-mnist mlp:256-128 adam",
      source: controllable ? "dltop" : "runs/exp1/metrics.csv",
      dataset: "fashion-mnist", model: "mlp:256-128", optimizer: "adam", classNames: classNames,
      controllable: controllable)
    run.configuration = [.init("epochs", "30"), .init("batch", "128")]
    var s = TrainingSnapshot(run: run)
    s.generation = 42
    s.status = controllable ? .running : .watching
    s.progress.epoch = finishedEpochs + 1
    s.progress.totalEpochs = 30
    s.progress.batchesPerEpoch = batchesPerEpoch
    s.progress.batch = 234
    s.progress.globalStep = finishedEpochs * batchesPerEpoch + 234
    s.progress.samplesPerSecond = 48_250
    s.progress.elapsedSeconds = 302
    s.progress.etaSeconds = 201
    var noise: UInt64 = 12345
    func next() -> Double {
      noise = noise &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Double(noise >> 11) / Double(1 << 53)
    }
    var rate = 1e-3
    for e in 1...finishedEpochs {
      let x = Double(e)
      let trainAccuracy = 1 - 0.5 * trainLoss(x) + 0.002 * x
      let validationAccuracy = 1 - 0.55 * validationLoss(x)
      if e == 10 { rate = 5e-4 }
      s.epochs.append(
        EpochRecord(
          epoch: e,
          metrics: [
            "loss": trainLoss(x), "val_loss": validationLoss(x),
            "accuracy": min(0.99, trainAccuracy),
            "val_accuracy": validationAccuracy, "lr": rate,
          ], seconds: 16.5))
    }
    let batches = finishedEpochs * batchesPerEpoch + 234
    var batchRate = 1e-3
    for i in 0..<batches {
      let x = Double(i) / Double(batchesPerEpoch)
      s.batchLoss.append(trainLoss(x) * (0.75 + 0.5 * next()))
      s.batchAccuracy.append(min(1, (1 - 0.5 * trainLoss(x)) * (0.92 + 0.1 * next())))
      if i == 9 * batchesPerEpoch + 100 { batchRate = 5e-4 }
      s.batchLearningRate.append(batchRate)
    }
    s.learningRate = batchRate
    s.learningRateChanges = [
      LearningRateChange(
        step: 9 * batchesPerEpoch + 100, epoch: 10, from: 1e-3, to: 5e-4, cause: .key)
    ]
    // Step decay ×0.5 every 8 epochs from the current step to the end of epoch 30.
    for e in stride(from: finishedEpochs, through: 30, by: 1) {
      let factor = pow(0.5, Double((e) / 8) - Double(finishedEpochs / 8))
      s.plannedLearningRates.append(
        PlannedRate(step: e * batchesPerEpoch, rate: batchRate * factor))
    }
    s.earlyStopping = EarlyStoppingStatus(
      enabled: true, monitor: "val_loss", patience: 5, wait: 4, bestEpoch: 14,
      bestValue: validationLoss(14))
    s.verdicts = [
      Verdict(
        kind: .overfitting, onsetEpoch: 14, confidence: 0.82,
        evidence: "val_loss up 9% from its minimum at epoch 14 while loss fell 12%",
        advice: "raise dropout toward 0.5, raise L2, augment the data, or stop early")
    ]
    for e in 1...finishedEpochs {
      s.confusions.append(ConfusionRecord(epoch: e, counts: confusion(epoch: e)))
    }
    s.events = [
      RunEvent(
        elapsedSeconds: 0, epoch: nil, kind: .info, text: "training 48000 samples, validating 12000"
      ),
      RunEvent(elapsedSeconds: 150.2, epoch: 10, kind: .key, text: "lr 1e-3 → 5e-4 (key ])"),
      RunEvent(
        elapsedSeconds: 240.8, epoch: 15, kind: .verdict, text: "overfitting since epoch 14"),
      RunEvent(
        elapsedSeconds: 290.1, epoch: 18, kind: .snapshot, text: "snapshot written to runs/snap-1"),
    ]
    return s
  }

  /// A plausible 10×10 validation confusion matrix (1200 samples per class).
  static func confusion(epoch: Int) -> [[Int]] {
    let hard: [Int: [Int: Double]] = [
      0: [6: 0.12, 2: 0.02], 2: [4: 0.09, 6: 0.08], 4: [2: 0.1, 6: 0.07],
      6: [0: 0.13, 2: 0.1, 4: 0.08], 9: [7: 0.04],
    ]
    let skill = min(1, Double(epoch) / 8)
    return (0..<10).map { i in
      var row = Array(repeating: 0, count: 10)
      var off = 0
      for j in 0..<10 where j != i {
        let base = hard[i]?[j] ?? 0.004
        let value = Int((1200 * base * (1.6 - 0.6 * skill)).rounded())
        row[j] = value
        off += value
      }
      row[i] = 1200 - off
      return row
    }
  }
}
