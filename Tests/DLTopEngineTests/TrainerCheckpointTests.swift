import Testing

@testable import DLTopEngine

/// `dltop train --resume`: a trainer continued from a checkpoint after epoch k gives the losses of
/// the uninterrupted run bit for bit, with every kind of state in play (optimizer moments, a
/// cosine schedule with a hand-set rate, reduce-on-plateau, dropout and BatchNorm, augmentation,
/// the sample order, the best weights).
struct TrainerCheckpointTests {
  /// A trainer whose model has dropout and BatchNorm, on the blobs, with everything seeded.
  private static func trainer(_ kind: OptimizerKind, epochs: Int = 6) throws -> Trainer {
    let model = try ModelBuilder.build(
      spec: try ModelSpec.parse("mlp:8"), inputShape: [2], outputs: 3, dropout: 0.3,
      batchNorm: true, seed: 5)
    let perEpoch = 5  // 39 samples in batches of 8
    return Trainer(
      model: model, loss: SoftmaxCrossEntropy(), optimizer: kind.make(),
      schedule: CosineDecay(initialRate: 0.05, totalSteps: perEpoch * epochs),
      configuration: TrainerConfiguration(batchSize: .samples(8), epochs: epochs, seed: 9),
      train: TrainingFixtures.blobs(perClass: 13, seed: 1),
      validation: TrainingFixtures.blobs(perClass: 5, seed: 2),
      plateau: ReduceLROnPlateau(learningRate: 0.05, factor: 0.5, patience: 1, minDelta: 10),
      augmentation: { batch, rng in
        for i in 0..<batch.count { batch[i] += 0.05 * rng.nextGaussian() }
      })
  }

  /// Runs epochs `range`, with the same actions at the same epochs in every run: a hand-set rate
  /// after epoch 2, the best weights kept after epochs 2 and 4.
  private static func run(_ trainer: Trainer, epochs range: ClosedRange<Int>) -> [UInt64] {
    var trace: [UInt64] = []
    for epoch in range {
      let (batches, report) = TrainingFixtures.runEpoch(trainer)
      trace += batches.map(\.loss.bitPattern) + batches.map(\.learningRate.bitPattern)
      trace.append(report.validationLoss?.bitPattern ?? 0)
      if epoch == 2 { trainer.setLearningRate(trainer.currentLearningRate * 0.5) }
      if epoch == 2 || epoch == 4 { trainer.saveBestWeights() }
    }
    return trace
  }

  @Test(arguments: OptimizerKind.allCases)
  func resumingAfterEpochThreeGivesTheUninterruptedLossesBitForBit(_ kind: OptimizerKind) throws {
    let whole = try Self.trainer(kind)
    let expected = Self.run(whole, epochs: 1...6)

    let first = try Self.trainer(kind)
    let before = Self.run(first, epochs: 1...3)
    let checkpoint = first.checkpoint()
    #expect(checkpoint.completedEpochs == 3 && checkpoint.globalStep == 15)
    #expect(checkpoint.rateOverride != nil && checkpoint.bestWeights != nil)
    #expect(kind == .sgd || !checkpoint.optimizerSlots.isEmpty)

    let resumed = try Self.trainer(kind)
    try resumed.resume(from: checkpoint)
    #expect(resumed.epoch == 4 && resumed.globalStep == 15)
    let after = Self.run(resumed, epochs: 4...6)
    #expect(before + after == expected, "\(kind): the resumed run's losses differ")
    #expect(resumed.checkpoint() == whole.checkpoint())

    whole.restoreBestWeights()
    resumed.restoreBestWeights()
    #expect(resumed.model.namedTensors == whole.model.namedTensors)
  }

  @Test func aCheckpointOfAnotherOptimizerOrDataIsRefusedAndChangesNothing() throws {
    let source = try Self.trainer(.adam)
    _ = Self.run(source, epochs: 1...1)
    let checkpoint = source.checkpoint()

    let other = try Self.trainer(.momentum)
    let weights = other.model.namedTensors
    #expect(throws: ModelStateError.self) { try other.resume(from: checkpoint) }
    #expect(other.model.namedTensors == weights && other.epoch == 1)

    var shuffled = checkpoint
    shuffled.sampleOrder[0] = shuffled.sampleOrder[1]
    let fresh = try Self.trainer(.adam)
    #expect(throws: ModelStateError.self) { try fresh.resume(from: shuffled) }
    #expect(fresh.model.namedTensors != checkpoint.model && fresh.epoch == 1)
  }
}
