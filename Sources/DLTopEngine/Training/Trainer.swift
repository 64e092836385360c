/// Trains a `Sequential` model one mini-batch at a time, synchronously.
///
/// The caller drives it: `trainBatch()` until it returns nil, then `finishEpoch()`, and between
/// any two calls it may change the learning rate, save or restore weights, or evaluate. The
/// trainer knows nothing of threads or the dashboard; the executable runs it on a background queue.
///
/// The trainer turns off the first layer's input gradient when it is a `Dense` (nobody reads the
/// gradient of the data), which saves a third of that layer's matrix products.
///
/// Determinism: shuffling and augmentation draw from generators derived from
/// `configuration.seed`, so a model with the same initial weights and the same seed gives the
/// same losses bit for bit (with `OPENBLAS_NUM_THREADS=1`).
package final class Trainer {
  /// Changes one training batch in place (features `[batch, …]`) with the trainer's seeded
  /// generator, e.g. random flips; never applied to validation or test data.
  package typealias Augmentation = (inout Tensor, inout SeededGenerator) -> Void

  package let model: Sequential
  package let loss: any Loss
  package let optimizer: any Optimizer
  /// The schedule the run was configured with (before any override).
  package let schedule: any LearningRateSchedule
  package let configuration: TrainerConfiguration
  package let train: LabeledSet
  package let validation: LabeledSet?
  /// Reduce-on-plateau, fed `val_loss` (or `loss` without validation) at each `finishEpoch`.
  package let plateau: ReduceLROnPlateau?
  let augmentation: Augmentation?

  /// Samples per full mini-batch, and mini-batches per epoch (⌈N / batch⌉).
  package let batchSize: Int
  package let batchesPerEpoch: Int
  /// Mini-batches in the planned run (`epochs × batchesPerEpoch`).
  package let totalSteps: Int

  /// The epoch being trained (or about to be), from 1.
  package internal(set) var epoch = 1
  /// The index within the epoch of the next batch to run, from 0.
  package internal(set) var batchIndex = 0
  /// Batches run so far in the whole run: the step the next batch runs as.
  package internal(set) var globalStep = 0
  /// The hand-set rate now in force, if any (see `LearningRateOverride`).
  package internal(set) var learningRateOverride: LearningRateOverride?

  let parameters: [Parameter]
  let groups: [ParameterGroup]
  let reluLayers: [ReLU]
  var order: [Int]
  var shuffleGenerator: SeededGenerator
  var augmentationGenerator: SeededGenerator
  var tally = EpochTally(groups: 0, relus: 0)
  var bestWeights: [Tensor]?
  var bestState: [NamedTensor] = []

  /// - Parameters:
  ///   - schedule: rates by global batch step, e.g. from `ScheduleSpec.makeSchedule`.
  ///   - plateau: optional reduce-on-plateau (from `ScheduleSpec.makePlateau`).
  ///   - augmentation: optional change applied to every training batch.
  package init(
    model: Sequential, loss: any Loss, optimizer: any Optimizer, schedule: any LearningRateSchedule,
    configuration: TrainerConfiguration, train: LabeledSet, validation: LabeledSet? = nil,
    plateau: ReduceLROnPlateau? = nil, augmentation: Augmentation? = nil
  ) {
    precondition(train.count > 0, "Trainer: the training set is empty")
    precondition(
      train.sampleShape.reduce(1, *) == model.inputShape.reduce(1, *),
      "Trainer: samples of shape \(train.sampleShape) do not fit the model input \(model.inputShape)"
    )
    self.model = model
    self.loss = loss
    self.optimizer = optimizer
    self.schedule = schedule
    self.configuration = configuration
    self.train = train
    self.validation = validation
    self.plateau = plateau
    self.augmentation = augmentation
    batchSize = configuration.batchSize.resolved(for: train.count)
    batchesPerEpoch = configuration.batchesPerEpoch(sampleCount: train.count)
    totalSteps = configuration.epochs * batchesPerEpoch
    parameters = model.parameters
    groups = model.layers.compactMap { layer in
      layer.parameters.isEmpty
        ? nil : ParameterGroup(layer: layer.name, parameters: layer.parameters)
    }
    reluLayers = model.layers.compactMap { $0 as? ReLU }
    // The input gradient of the first layer is the gradient of the data: never read.
    (model.layers.first as? Dense)?.computesInputGradient = false
    order = Array(0..<train.count)
    let root = SeededGenerator(seed: configuration.seed)
    shuffleGenerator = root.derived(stream: 1)
    augmentationGenerator = root.derived(stream: 2)
    tally = EpochTally(groups: groups.count, relus: reluLayers.count)
  }

  /// Epochs finished so far.
  package var completedEpochs: Int { epoch - 1 }
  /// Whether the planned number of epochs has been finished (training may still go on).
  package var isFinished: Bool { completedEpochs >= configuration.epochs }
  /// Whether the training targets are class labels.
  package var isClassification: Bool {
    if case .classes = train.targets { return true }
    return false
  }

  /// Runs the next mini-batch of the current epoch: gather (reshuffling at the epoch's start),
  /// augment, forward, loss, backward, L2, update.
  ///
  /// - Returns: the batch's report, or nil when the epoch's batches are done (call `finishEpoch`).
  package func trainBatch() -> BatchReport? {
    guard batchIndex < batchesPerEpoch else { return nil }
    let started = ContinuousClock.now
    if batchIndex == 0 && configuration.shuffle { order.shuffle(using: &shuffleGenerator) }
    let start = batchIndex * batchSize
    let end = min(start + batchSize, train.count)
    let indices = order[start..<end]
    var x =
      (start == 0 && end == train.count && !configuration.shuffle)
      ? train.features : Self.gatherBatch(train.features, indices)
    let targets = train.targets.gathered(indices)
    if let augmentation { augmentation(&x, &augmentationGenerator) }

    model.zeroGrad()
    let output = model.forward(x, training: true)
    var batchLoss = Double(loss.forward(output, targets))
    model.backward(loss.backward())
    if configuration.l2 > 0 { batchLoss += applyWeightDecay() }
    let squaredNorms = groups.map(\.gradientSquaredNorm)
    let gradientNorm = squaredNorms.reduce(0, +).squareRoot()
    let finite = batchLoss.isFinite && gradientNorm.isFinite
    let rate = learningRate(at: globalStep)
    let isLast = batchIndex == batchesPerEpoch - 1
    let before = isLast && finite ? parameters.map(\.value) : nil
    if finite { optimizer.update(parameters, learningRate: Float(rate)) }
    if let before { tally.updateRatios = updateRatios(before: before) }

    let correct = isClassification ? correctCount(output, targets) : nil
    let samples = end - start
    let seconds = (started.duration(to: .now) / .seconds(1))
    tally.record(
      loss: batchLoss, correct: correct, samples: samples, squaredNorms: squaredNorms,
      deadFractions: reluLayers.map(\.deadFraction), finite: finite, rate: rate, seconds: seconds)
    let report = BatchReport(
      epoch: epoch, batchIndex: batchIndex, batchesPerEpoch: batchesPerEpoch, step: globalStep,
      samples: samples, loss: batchLoss, accuracy: correct.map { Double($0) / Double(samples) },
      learningRate: rate, gradientNorm: gradientNorm, isFinite: finite, seconds: seconds)
    batchIndex += 1
    globalStep += 1
    return report
  }

  /// Closes the current epoch: runs the validation pass, feeds reduce-on-plateau, and starts the
  /// next epoch. May be called before all batches ran (the report covers those that did).
  package func finishEpoch() -> EpochReport {
    let started = ContinuousClock.now
    let evaluation = validation.map { evaluate($0, batchSize: configuration.evaluationBatchSize) }
    var report = tally.report(epoch: epoch, groups: groups, relus: reluLayers)
    report.weightNorm = parameters.reduce(0.0) { $0 + TrainingMath.squaredSum($1.value) }
      .squareRoot()
    report.validationLoss = evaluation?.loss
    report.validationAccuracy = evaluation?.accuracy
    report.validationPredictions = evaluation?.predictedClasses
    report.validationLabels = evaluation?.labels
    if let plateau {
      plateau.learningRate = currentLearningRate
      if let reduced = plateau.observe(evaluation?.loss ?? report.loss) {
        setLearningRate(reduced)
        report.reducedLearningRate = reduced
      }
    }
    report.nextLearningRate = currentLearningRate
    report.seconds = report.trainingSeconds + (started.duration(to: .now) / .seconds(1))
    epoch += 1
    batchIndex = 0
    tally = EpochTally(groups: groups.count, relus: reluLayers.count)
    return report
  }

  /// Keeps a copy of the current weights (e.g. at the best validation loss so far).
  package func saveBestWeights() {
    bestWeights = model.weights()
    bestState = model.inferenceState()
  }

  /// Puts back the weights kept by `saveBestWeights()`.
  ///
  /// - Returns: false when nothing was saved.
  @discardableResult
  package func restoreBestWeights() -> Bool {
    guard let bestWeights else { return false }
    model.restoreWeights(bestWeights)
    // BatchNorm's running statistics belong to the weights they were gathered with.
    model.restore(Dictionary(bestState.map { ($0.name, $0.tensor) }, uniquingKeysWith: { $1 }))
    return true
  }
}
