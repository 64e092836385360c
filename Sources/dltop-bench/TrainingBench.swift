import DLTopEngine
import Foundation

/// Times whole training epochs of a model built by `makeModel` (Adam, batch 128, no validation).
///
/// Any architecture can be timed by passing its factory (`CNNBench` passes the CNN).
enum TrainingBench {
  struct Figures {
    /// Seconds of each timed epoch, in order; the first includes warm-up (page faults, BLAS buffers).
    var epochSeconds: [Double]
    /// Process CPU seconds of each timed epoch (all threads): on a busy machine this shows the
    /// work done when the wall clock mostly shows waiting.
    var epochCPUSeconds: [Double]
    var samples: Int
    var batchSize: Int
    var finalLoss: Double
    var parameterCount: Int

    /// The steady-state epoch: the fastest timed epoch.
    var bestEpochSeconds: Double { epochSeconds.min() ?? .nan }
    var samplesPerSecond: Double { Double(samples) / bestEpochSeconds }
  }

  static func measure(
    makeModel: () -> Sequential, data: LabeledSet, epochs: Int, batchSize: Int = 128
  )
    -> Figures
  {
    let model = makeModel()
    let trainer = Trainer(
      model: model, loss: SoftmaxCrossEntropy(), optimizer: Adam(),
      schedule: ConstantRate(rate: 1e-3),
      configuration: TrainerConfiguration(batchSize: .samples(batchSize), epochs: epochs, seed: 1),
      train: data)
    var seconds: [Double] = []
    var cpuSeconds: [Double] = []
    var loss = Double.nan
    for _ in 0..<epochs {
      let clock = ContinuousClock()
      let started = clock.now
      let cpuStarted = BenchClock.processCPUSeconds()
      while trainer.trainBatch() != nil {}
      let report = trainer.finishEpoch()
      seconds.append(BenchClock.seconds(started.duration(to: clock.now)))
      cpuSeconds.append(BenchClock.processCPUSeconds() - cpuStarted)
      loss = report.loss
    }
    return Figures(
      epochSeconds: seconds, epochCPUSeconds: cpuSeconds, samples: data.count, batchSize: batchSize,
      finalLoss: loss,
      parameterCount: model.parameterCount)
  }

  /// The 784-128-10 ReLU MLP of the Keras comparison, He-initialized from `seed`.
  static func mlp(seed: UInt64) -> Sequential {
    var generator = SeededGenerator(seed: seed)
    func dense(_ name: String, _ inputs: Int, _ outputs: Int) -> Dense {
      let scale = (2 / Float(inputs)).squareRoot()
      let weights = (0..<(inputs * outputs)).map { _ in scale * generator.nextGaussian() }
      return Dense(
        name: name, weight: Tensor(shape: [inputs, outputs], scalars: weights),
        bias: Tensor(zeros: [outputs]))
    }
    return Sequential(
      inputShape: [784],
      layers: [dense("dense1", 784, 128), ReLU(name: "relu1"), dense("dense2", 128, 10)])
  }
}
