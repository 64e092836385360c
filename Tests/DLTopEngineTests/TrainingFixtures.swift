import Foundation

@testable import DLTopEngine

/// Small seeded problems and models for the trainer tests (built from Dense + ReLU only).
enum TrainingFixtures {
  /// Three Gaussian blobs in 2-D (centres (−2,0), (2,0), (0,2.5), σ 0.6), `perClass` each, in
  /// class order (the trainer's shuffle mixes them).
  static func blobs(perClass: Int, seed: UInt64) -> LabeledSet {
    var generator = SeededGenerator(seed: seed)
    let centres: [(Float, Float)] = [(-2, 0), (2, 0), (0, 2.5)]
    var features: [Float] = []
    var labels: [Int] = []
    for (label, centre) in centres.enumerated() {
      for _ in 0..<perClass {
        features.append(centre.0 + 0.6 * generator.nextGaussian())
        features.append(centre.1 + 0.6 * generator.nextGaussian())
        labels.append(label)
      }
    }
    return LabeledSet(
      features: Tensor(shape: [labels.count, 2], scalars: features), targets: .classes(labels))
  }

  /// `y = 2x₀ − x₁ + 0.5` plus a little noise, inputs uniform in [−1, 1].
  static func line(count: Int, seed: UInt64) -> LabeledSet {
    var generator = SeededGenerator(seed: seed)
    var features: [Float] = []
    var targets: [Float] = []
    for _ in 0..<count {
      let x0 = 2 * generator.nextUnitFloat() - 1
      let x1 = 2 * generator.nextUnitFloat() - 1
      features += [x0, x1]
      targets.append(2 * x0 - x1 + 0.5 + 0.01 * generator.nextGaussian())
    }
    return LabeledSet(
      features: Tensor(shape: [count, 2], scalars: features),
      targets: .values(Tensor(shape: [count, 1], scalars: targets)))
  }

  /// A He-initialized Dense layer.
  static func dense(
    _ name: String, _ inputs: Int, _ outputs: Int, _ generator: inout SeededGenerator
  ) -> Dense {
    let scale = (2 / Float(inputs)).squareRoot()
    let weights = (0..<(inputs * outputs)).map { _ in scale * generator.nextGaussian() }
    return Dense(
      name: name, weight: Tensor(shape: [inputs, outputs], scalars: weights),
      bias: Tensor(zeros: [outputs]))
  }

  /// `inputs → hidden (ReLU) → outputs`, weights from `seed`.
  static func mlp(inputs: Int = 2, hidden: Int = 8, outputs: Int = 3, seed: UInt64) -> Sequential {
    var generator = SeededGenerator(seed: seed)
    return Sequential(
      inputShape: [inputs],
      layers: [
        dense("dense1", inputs, hidden, &generator), ReLU(name: "relu1"),
        dense("dense2", hidden, outputs, &generator),
      ])
  }

  /// A trainer on the blobs with a fresh model; everything seeded.
  static func blobTrainer(
    seed: UInt64 = 7, batch: TrainerConfiguration.BatchSize = .samples(8), rate: Double = 0.01,
    optimizer: any Optimizer = Adam(), epochs: Int = 10, l2: Double = 0,
    schedule: (any LearningRateSchedule)? = nil,
    plateau: ReduceLROnPlateau? = nil, augmentation: Trainer.Augmentation? = nil
  ) -> Trainer {
    Trainer(
      model: mlp(seed: seed), loss: SoftmaxCrossEntropy(), optimizer: optimizer,
      schedule: schedule ?? ConstantRate(rate: rate),
      configuration: TrainerConfiguration(batchSize: batch, epochs: epochs, seed: seed, l2: l2),
      train: blobs(perClass: 20, seed: 1), validation: blobs(perClass: 5, seed: 2),
      plateau: plateau,
      augmentation: augmentation)
  }

  /// Runs one epoch and returns its batch reports and the epoch report.
  static func runEpoch(_ trainer: Trainer) -> (batches: [BatchReport], epoch: EpochReport) {
    var batches: [BatchReport] = []
    while let report = trainer.trainBatch() { batches.append(report) }
    return (batches, trainer.finishEpoch())
  }
}

/// Mean squared error, only for the regression tests here (the real one lives in Losses/).
final class TestMeanSquaredError: Loss {
  let name = "test_mse"
  private var difference = Tensor(zeros: [0, 0])

  func forward(_ prediction: Tensor, _ targets: Targets) -> Float {
    guard case .values(let values) = targets else { preconditionFailure("test MSE needs values") }
    difference = prediction
    for i in 0..<difference.count { difference[i] -= values[i] }
    return difference.squaredNorm / Float(max(difference.count, 1))
  }

  func backward() -> Tensor {
    var dx = difference
    let scale = 2 / Float(max(dx.count, 1))
    for i in 0..<dx.count { dx[i] *= scale }
    return dx
  }
}
