import Testing

@testable import DLTopEngine

struct TrainerTests {
  @Test func lossFallsOnSeparableBlobs() {
    let trainer = TrainingFixtures.blobTrainer(epochs: 15)
    let first = TrainingFixtures.runEpoch(trainer).epoch
    var last = first
    for _ in 1..<15 { last = TrainingFixtures.runEpoch(trainer).epoch }
    #expect(last.loss < first.loss * 0.5, "first \(first.loss), last \(last.loss)")
    #expect((last.accuracy ?? 0) > 0.9)
    #expect((last.validationAccuracy ?? 0) > 0.9)
    #expect(trainer.isFinished)
  }

  @Test func sameSeedGivesIdenticalLossesBitForBit() {
    func losses(seed: UInt64) -> [Double] {
      let trainer = TrainingFixtures.blobTrainer(seed: seed)
      return (0..<3).flatMap { _ in TrainingFixtures.runEpoch(trainer).batches.map(\.loss) }
    }
    let a = losses(seed: 11)
    let b = losses(seed: 11)
    #expect(a.map(\.bitPattern) == b.map(\.bitPattern))
    #expect(a != losses(seed: 12))
  }

  @Test func fullBatchRunsOneBatchPerEpochAndBatchOneRunsN() {
    let full = TrainingFixtures.blobTrainer(batch: .full)
    #expect(full.batchesPerEpoch == 1)
    let fullEpoch = TrainingFixtures.runEpoch(full)
    #expect(fullEpoch.batches.count == 1 && fullEpoch.batches[0].samples == 60)
    let single = TrainingFixtures.blobTrainer(batch: .samples(1))
    #expect(single.batchesPerEpoch == 60)
    let singleEpoch = TrainingFixtures.runEpoch(single)
    #expect(singleEpoch.batches.count == 60 && singleEpoch.epoch.batches == 60)
    // ⌈60 / 25⌉ = 3 batches of 25, 25, 10.
    let ragged = TrainingFixtures.blobTrainer(batch: .samples(25))
    #expect(TrainingFixtures.runEpoch(ragged).batches.map(\.samples) == [25, 25, 10])
  }

  @Test func reportsCountStepsAndEpochs() {
    let trainer = TrainingFixtures.blobTrainer(batch: .samples(20))
    let first = TrainingFixtures.runEpoch(trainer)
    let second = TrainingFixtures.runEpoch(trainer)
    #expect(first.batches.map(\.step) == [0, 1, 2] && second.batches.map(\.step) == [3, 4, 5])
    #expect(
      second.batches.map(\.batchIndex) == [0, 1, 2] && second.batches.allSatisfy { $0.epoch == 2 })
    #expect(first.epoch.epoch == 1 && second.epoch.epoch == 2 && trainer.completedEpochs == 2)
    #expect(first.epoch.samples == 60)
  }

  @Test func learningRateOverrideTakesEffectAndKeepsTheScheduleShape() {
    // Staircase 0.1·0.5^⌊step/4⌋, 3 batches per epoch. After step 2 the user sets 0.02: step 3
    // still has schedule 0.1 → 0.02; step 4 the schedule halves → 0.01.
    let trainer = TrainingFixtures.blobTrainer(
      batch: .samples(20), optimizer: SGD(),
      schedule: StaircaseExponentialDecay(initialRate: 0.1, decayRate: 0.5, decaySteps: 4))
    let first = TrainingFixtures.runEpoch(trainer).batches
    #expect(first.map(\.learningRate) == [0.1, 0.1, 0.1])
    trainer.setLearningRate(0.02)
    #expect(trainer.currentLearningRate == 0.02)
    let second = TrainingFixtures.runEpoch(trainer).batches
    #expect(second.map(\.learningRate) == [0.02, 0.01, 0.01])
    #expect(trainer.learningRate(at: 0) == 0.1)  // history is not rewritten
    trainer.setLearningRate(trainer.currentLearningRate * 0.5)  // key `[`
    #expect(trainer.trainBatch()?.learningRate == 0.005)
    #expect(trainer.effectiveSchedule.learningRate(at: 8) == 0.0025)
  }

  @Test func nonFiniteLossIsReportedAndTheUpdateSkipped() {
    var data = TrainingFixtures.blobs(perClass: 4, seed: 3)
    data.features[0] = .nan
    // A linear model, so the NaN reaches the loss (a ReLU would turn the NaN activations into 0
    // and only the gradient xᵀ·dout would be NaN — also reported, see the next check).
    var generator = SeededGenerator(seed: 1)
    let linear = Sequential(
      inputShape: [2], layers: [TrainingFixtures.dense("dense1", 2, 3, &generator)])
    let trainer = Trainer(
      model: linear, loss: SoftmaxCrossEntropy(), optimizer: SGD(),
      schedule: ConstantRate(rate: 0.1),
      configuration: TrainerConfiguration(batchSize: .full, epochs: 1, seed: 1, shuffle: false),
      train: data)
    let before = trainer.model.weights()
    let report = trainer.trainBatch()
    #expect(report?.isFinite == false)
    #expect(report?.loss.isFinite == false)
    #expect(trainer.model.weights() == before)
    #expect(trainer.finishEpoch().nonFiniteBatches == 1)
    let withReLU = Trainer(
      model: TrainingFixtures.mlp(seed: 1), loss: SoftmaxCrossEntropy(), optimizer: SGD(),
      schedule: ConstantRate(rate: 0.1),
      configuration: TrainerConfiguration(batchSize: .full, epochs: 1, seed: 1, shuffle: false),
      train: data)
    let reluReport = withReLU.trainBatch()
    #expect(reluReport?.isFinite == false && reluReport?.gradientNorm.isNaN == true)
  }

  @Test func hugeLearningRateDivergesWithoutCrashing() {
    let trainer = TrainingFixtures.blobTrainer(rate: 1e30, optimizer: SGD())
    var reports: [BatchReport] = []
    for _ in 0..<3 { reports += TrainingFixtures.runEpoch(trainer).batches }
    #expect(reports.contains { !$0.isFinite || $0.loss > 1e6 })
  }

  @Test func epochReportCarriesLayerStatisticsAndValidation() {
    let trainer = TrainingFixtures.blobTrainer()
    let epoch = TrainingFixtures.runEpoch(trainer).epoch
    #expect(epoch.gradientNorms.map(\.layer) == ["dense1", "dense2"])
    #expect(epoch.gradientNorms.allSatisfy { $0.value > 0 })
    #expect(epoch.deadReLUFractions.map(\.layer) == ["relu1"])
    #expect(epoch.meanDeadReLUFraction == epoch.deadReLUFractions[0].value)
    #expect((epoch.updateRatio ?? 0) > 0 && epoch.updateRatios.count == 2)
    #expect(epoch.weightNorm > 0)
    #expect(epoch.validationPredictions?.count == 15)
    #expect(epoch.validationLabels == [0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2])
    #expect(epoch.samplesPerSecond > 0 && epoch.seconds >= epoch.trainingSeconds)
    #expect(epoch.learningRate == 0.01 && epoch.nextLearningRate == 0.01)
  }

  @Test func l2AddsHalfLambdaSquaredWeightsToTheLoss() {
    // Same seed, same first batch: the only difference is ½λΣw² over dense1.W and dense2.W.
    let plain = TrainingFixtures.blobTrainer(l2: 0)
    let decayed = TrainingFixtures.blobTrainer(l2: 0.01)
    let weights = decayed.model.parameters.filter(\.decays).reduce(0.0) {
      $0 + Double($1.value.squaredNorm)
    }
    let a = plain.trainBatch()!.loss
    let b = decayed.trainBatch()!.loss
    #expect(abs((b - a) - 0.005 * weights) < 1e-4)
    // The biases do not decay and the gradient grew by λW: the weights moved differently.
    #expect(plain.model.weights() != decayed.model.weights())
  }

  @Test func plateauLowersTheRateThroughTheTrainer() {
    // minDelta 1e9: only the first epoch (from +∞) counts as an improvement; patience 1 → the
    // second epoch reduces 0.01 to 0.005, used from the next batch.
    let plateau = ReduceLROnPlateau(learningRate: 0.01, factor: 0.5, patience: 1, minDelta: 1e9)
    let trainer = TrainingFixtures.blobTrainer(plateau: plateau)
    #expect(TrainingFixtures.runEpoch(trainer).epoch.reducedLearningRate == nil)
    let second = TrainingFixtures.runEpoch(trainer).epoch
    #expect(second.reducedLearningRate == 0.005 && second.nextLearningRate == 0.005)
    #expect(trainer.trainBatch()?.learningRate == 0.005)
  }

  @Test func bestWeightsComeBack() {
    let trainer = TrainingFixtures.blobTrainer()
    #expect(!trainer.restoreBestWeights())
    _ = TrainingFixtures.runEpoch(trainer)
    trainer.saveBestWeights()
    let saved = trainer.model.weights()
    _ = TrainingFixtures.runEpoch(trainer)
    #expect(trainer.model.weights() != saved)
    #expect(trainer.restoreBestWeights())
    #expect(trainer.model.weights() == saved)
  }

  @Test func augmentationSeesEveryTrainingBatch() {
    final class Counter { var shapes: [[Int]] = [] }
    let counter = Counter()
    let trainer = TrainingFixtures.blobTrainer(batch: .samples(25)) { batch, generator in
      counter.shapes.append(batch.shape)
      for i in 0..<batch.count { batch[i] += 0.01 * generator.nextGaussian() }
    }
    _ = TrainingFixtures.runEpoch(trainer)
    #expect(counter.shapes == [[25, 2], [25, 2], [10, 2]])
  }

  @Test func regressionEvaluationReturnsRawOutputs() {
    let data = TrainingFixtures.line(count: 64, seed: 5)
    let trainer = Trainer(
      model: TrainingFixtures.mlp(hidden: 16, outputs: 1, seed: 2), loss: TestMeanSquaredError(),
      optimizer: Adam(),
      schedule: ConstantRate(rate: 0.01),
      configuration: TrainerConfiguration(batchSize: .samples(16), epochs: 40, seed: 3),
      train: data, validation: data)
    let first = TrainingFixtures.runEpoch(trainer).epoch
    var last = first
    while !trainer.isFinished { last = TrainingFixtures.runEpoch(trainer).epoch }
    #expect(first.accuracy == nil && last.validationPredictions == nil)
    #expect(last.loss < first.loss * 0.2, "first \(first.loss) last \(last.loss)")
    let evaluation = trainer.evaluate(data, batchSize: 10)
    #expect(evaluation.outputs?.shape == [64, 1] && evaluation.accuracy == nil)
    #expect(abs(evaluation.loss - (last.validationLoss ?? 0)) < 1e-6)
  }

  @Test func evaluationDoesNotDependOnItsBatchSize() {
    let trainer = TrainingFixtures.blobTrainer()
    _ = TrainingFixtures.runEpoch(trainer)
    let set = TrainingFixtures.blobs(perClass: 7, seed: 9)
    let whole = trainer.evaluate(set, batchSize: 1000)
    let pieces = trainer.evaluate(set, batchSize: 4)
    #expect(whole.predictedClasses == pieces.predictedClasses && whole.accuracy == pieces.accuracy)
    #expect(abs(whole.loss - pieces.loss) < 1e-6)
  }
}

struct FirstLayerGradientTests {
  @Test func trainerSkipsOnlyTheDataGradientOfTheFirstDense() {
    let trainer = TrainingFixtures.blobTrainer()
    let dense = trainer.model.layers.compactMap { $0 as? Dense }
    #expect(dense.map(\.computesInputGradient) == [false, true])
  }

  @Test func skippingTheInputGradientLeavesParameterGradientsAlone() {
    var generator = SeededGenerator(seed: 4)
    let layer = TrainingFixtures.dense("d", 3, 2, &generator)
    let x = Tensor(shape: [2, 3], scalars: [1, -2, 0.5, 3, 0, -1])
    let dout = Tensor(shape: [2, 2], scalars: [0.1, -0.2, 0.3, 0.4])
    _ = layer.forward(x, training: true)
    let dx = layer.backward(dout)
    let full = (layer.weight.grad, layer.bias.grad)
    layer.weight.zeroGrad()
    layer.bias.zeroGrad()
    layer.computesInputGradient = false
    _ = layer.forward(x, training: true)
    let skipped = layer.backward(dout)
    #expect(layer.weight.grad == full.0 && layer.bias.grad == full.1)
    #expect(skipped == Tensor(zeros: [2, 3]) && dx != skipped)
  }
}

struct TrainerConfigurationTests {
  @Test func batchSizesParseAndResolve() throws {
    #expect(try TrainerConfiguration.BatchSize.parse("128") == .samples(128))
    #expect(try TrainerConfiguration.BatchSize.parse(" Full") == .full)
    #expect(TrainerConfiguration.BatchSize.full.resolved(for: 60) == 60)
    #expect(TrainerConfiguration.BatchSize.samples(500).resolved(for: 60) == 60)
    #expect(
      TrainerConfiguration(batchSize: .samples(128)).batchesPerEpoch(sampleCount: 60_000) == 469)
    for bad in ["0", "-3", "big", ""] {
      #expect(throws: BatchSizeError(value: bad)) { try TrainerConfiguration.BatchSize.parse(bad) }
    }
    #expect("\(BatchSizeError(value: "x"))".contains("positive integer (1 = stochastic) or full"))
  }

  @Test func overrideDuringWarmupDoesNotRiseAboveTheNewRate() {
    // Warmup 0 → 0.1 over 10 steps. At step 2 (schedule 0.02) the user sets 0.05: the warmup's
    // rise would multiply it by 5 by step 10; min(1, …) keeps it at 0.05, and a later decay shows.
    let base = LinearWarmup(
      warmupSteps: 10,
      then: StepDecay(initialRate: 0.1, factor: 0.5, everyEpochs: 1, stepsPerEpoch: 20))
    let override = LearningRateOverride(base: base, rate: 0.05, fromStep: 2)
    #expect(override.learningRate(at: 1) == base.learningRate(at: 1))
    #expect(override.learningRate(at: 2) == 0.05)
    #expect(override.learningRate(at: 10) == 0.05)
    // Step 30 is step 20 of the wrapped decay: 0.05 there, 0.05/0.02 = 2.5 > 1 → still 0.05;
    // step 70 is wrapped step 60: 0.0125, ratio 0.625 → 0.03125.
    #expect(abs(override.learningRate(at: 70) - 0.03125) < 1e-15)
  }
}
