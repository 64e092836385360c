/// A value measured for one layer, in layer order (e.g. `dense1` → gradient norm).
package struct LayerStatistic: Sendable, Equatable {
  package var layer: String
  package var value: Double

  package init(layer: String, value: Double) {
    self.layer = layer
    self.value = value
  }
}

/// What one epoch did, returned by `Trainer.finishEpoch()`.
///
/// `loss` and `accuracy` are the sample-weighted means over the epoch's training batches as they
/// ran (the weights changed during the epoch; this is what Keras reports), not a re-evaluation.
package struct EpochReport: Sendable, Equatable {
  /// The epoch number, from 1.
  package var epoch: Int
  package var loss: Double
  package var accuracy: Double?
  package var validationLoss: Double?
  package var validationAccuracy: Double?
  /// The learning rate of the epoch's last batch.
  package var learningRate: Double
  /// The rate the next batch will use (after any plateau reduction made by this epoch).
  package var nextLearningRate: Double
  /// The new rate when reduce-on-plateau lowered it at the end of this epoch.
  package var reducedLearningRate: Double?
  /// Wall-clock seconds of the epoch: training batches plus the validation pass.
  package var seconds: Double
  /// Seconds spent in training batches only.
  package var trainingSeconds: Double
  /// Training samples per second (training batches only).
  package var samplesPerSecond: Double
  /// Training samples and batches this epoch ran.
  package var samples: Int
  package var batches: Int
  /// Batches whose loss or gradient was not finite (their updates were skipped).
  package var nonFiniteBatches: Int
  /// Mean over the epoch's batches of each layer's gradient norm ‖g‖ (layers with parameters).
  package var gradientNorms: [LayerStatistic]
  /// ‖W‖ over all parameters at the end of the epoch.
  package var weightNorm: Double
  /// ‖ΔW‖/‖W‖ of the epoch's last update, per layer and overall (nil if the last batch did not run).
  package var updateRatios: [LayerStatistic]
  package var updateRatio: Double?
  /// Mean over the epoch's batches of each ReLU layer's fraction of units dead for the whole batch.
  package var deadReLUFractions: [LayerStatistic]
  package var meanDeadReLUFraction: Double?
  /// Validation predictions (argmax class) and true labels, for the confusion matrix.
  package var validationPredictions: [Int]?
  package var validationLabels: [Int]?

  /// A report with the given headline figures and every statistic empty (for tests and adapters).
  package init(
    epoch: Int, loss: Double, accuracy: Double? = nil, validationLoss: Double? = nil,
    validationAccuracy: Double? = nil, learningRate: Double, nextLearningRate: Double? = nil,
    reducedLearningRate: Double? = nil, seconds: Double = 0, trainingSeconds: Double = 0,
    samplesPerSecond: Double = 0, samples: Int = 0, batches: Int = 0, nonFiniteBatches: Int = 0,
    gradientNorms: [LayerStatistic] = [], weightNorm: Double = 0,
    updateRatios: [LayerStatistic] = [],
    updateRatio: Double? = nil, deadReLUFractions: [LayerStatistic] = [],
    meanDeadReLUFraction: Double? = nil, validationPredictions: [Int]? = nil,
    validationLabels: [Int]? = nil
  ) {
    self.epoch = epoch
    self.loss = loss
    self.accuracy = accuracy
    self.validationLoss = validationLoss
    self.validationAccuracy = validationAccuracy
    self.learningRate = learningRate
    self.nextLearningRate = nextLearningRate ?? learningRate
    self.reducedLearningRate = reducedLearningRate
    self.seconds = seconds
    self.trainingSeconds = trainingSeconds
    self.samplesPerSecond = samplesPerSecond
    self.samples = samples
    self.batches = batches
    self.nonFiniteBatches = nonFiniteBatches
    self.gradientNorms = gradientNorms
    self.weightNorm = weightNorm
    self.updateRatios = updateRatios
    self.updateRatio = updateRatio
    self.deadReLUFractions = deadReLUFractions
    self.meanDeadReLUFraction = meanDeadReLUFraction
    self.validationPredictions = validationPredictions
    self.validationLabels = validationLabels
  }
}
