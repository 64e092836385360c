import DLTopEngine

/// Times the CNN of `dltop train --model cnn` (conv 32 → pool → conv 64 → pool → dense 128 → 10)
/// on 28×28×1 images: Adam, batch 128, no validation.
enum CNNBench {
  static let architecture = "conv32-pool-conv64-pool-dense128-10 relu, adam, batch 128"

  /// The model `ModelBuilder` builds for `--model cnn` on Fashion-MNIST.
  static func model(seed: UInt64) -> Sequential {
    do {
      return try ModelBuilder.build(spec: .cnn, inputShape: [28, 28, 1], outputs: 10, seed: seed)
    } catch {
      // The shape is fixed and valid; ModelBuilder only throws for unusable shapes.
      preconditionFailure("the CNN does not build for 28×28×1: \(error)")
    }
  }

  /// With `measuredBatches` nil, times one whole epoch over `images`; otherwise runs 3 untimed
  /// warm-up batches, times `measuredBatches` batches, and extrapolates the epoch from their rate.
  static func measure(images: LabeledSet, measuredBatches: Int?) -> [String: Any] {
    guard let measuredBatches else {
      let figures = TrainingBench.measure(makeModel: { model(seed: 1) }, data: images, epochs: 1)
      var report = BenchReport.training(figures, architecture: architecture)
      report["measured_batches"] = (images.count + figures.batchSize - 1) / figures.batchSize
      report["extrapolated"] = false
      return report
    }
    let network = model(seed: 1)
    let trainer = Trainer(
      model: network, loss: SoftmaxCrossEntropy(), optimizer: Adam(),
      schedule: ConstantRate(rate: 1e-3),
      configuration: TrainerConfiguration(batchSize: .samples(128), epochs: 1, seed: 1),
      train: images)
    let warmUp = min(3, max(0, trainer.batchesPerEpoch - measuredBatches))
    for _ in 0..<warmUp { _ = trainer.trainBatch() }
    var samples = 0
    var loss = Double.nan
    let (timed, timing) = BenchClock.time { () -> Int in
      var batches = 0
      while batches < measuredBatches, let report = trainer.trainBatch() {
        samples += report.samples
        loss = report.loss
        batches += 1
      }
      return batches
    }
    let samplesPerSecond = Double(samples) / timing.wallSeconds
    let epochSeconds = Double(images.count) / samplesPerSecond
    return [
      "architecture": architecture,
      "epoch_s": epochSeconds,
      "epoch_cpu_s": timing.cpuSeconds / Double(samples) * Double(images.count),
      "samples_per_s": samplesPerSecond,
      "samples": images.count,
      "batch_size": 128,
      "parameters": network.parameterCount,
      "measured_batches": timed,
      "measured_s": timing.wallSeconds,
      "extrapolated": true,
      "last_batch_loss": loss,
    ]
  }
}
