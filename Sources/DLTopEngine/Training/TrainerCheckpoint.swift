/// Everything a `Trainer` needs to continue a run after its last completed epoch exactly as if it
/// had never stopped: the model's tensors, the optimizer's state, the position in the schedule
/// (step, hand-set rate, reduce-on-plateau), the random generators and the sample order that the
/// next shuffle starts from, and the best weights kept for early stopping.
///
/// A plain value; the executable writes it to the run folder (`resume.bin`) at every epoch end.
package struct TrainerCheckpoint: Sendable, Equatable {
  /// A hand-set learning rate (`LearningRateOverride` without its base schedule, which the
  /// resumed trainer brings).
  package struct RateOverride: Sendable, Equatable {
    package var rate: Double
    package var fromStep: Int

    package init(rate: Double, fromStep: Int) {
      self.rate = rate
      self.fromStep = fromStep
    }
  }

  /// Epochs finished; the resumed trainer starts epoch `completedEpochs + 1`.
  package var completedEpochs: Int
  /// Batches run so far: the step the next batch runs as.
  package var globalStep: Int
  /// The training samples' order after the last shuffle (the next shuffle permutes it).
  package var sampleOrder: [Int]
  package var shuffleState: UInt64
  package var augmentationState: UInt64
  /// Each dropout layer's mask generator, by layer name, in layer order.
  package var dropoutStates: [(layer: String, state: UInt64)]
  /// Every parameter and BatchNorm running statistic (`Sequential.namedTensors`).
  package var model: [NamedTensor]
  /// The weights kept by `saveBestWeights()` (parameters and running statistics), if any.
  package var bestWeights: [NamedTensor]?
  /// The optimizer's name (`adam`), checked on restore.
  package var optimizer: String
  package var optimizerSlots: [OptimizerSlotRecord]
  package var rateOverride: RateOverride?
  package var plateau: ReduceLROnPlateau.State?

  package init(
    completedEpochs: Int, globalStep: Int, sampleOrder: [Int], shuffleState: UInt64,
    augmentationState: UInt64, dropoutStates: [(layer: String, state: UInt64)],
    model: [NamedTensor], bestWeights: [NamedTensor]?, optimizer: String,
    optimizerSlots: [OptimizerSlotRecord], rateOverride: RateOverride?,
    plateau: ReduceLROnPlateau.State?
  ) {
    self.completedEpochs = completedEpochs
    self.globalStep = globalStep
    self.sampleOrder = sampleOrder
    self.shuffleState = shuffleState
    self.augmentationState = augmentationState
    self.dropoutStates = dropoutStates
    self.model = model
    self.bestWeights = bestWeights
    self.optimizer = optimizer
    self.optimizerSlots = optimizerSlots
    self.rateOverride = rateOverride
    self.plateau = plateau
  }

  package static func == (lhs: TrainerCheckpoint, rhs: TrainerCheckpoint) -> Bool {
    lhs.completedEpochs == rhs.completedEpochs && lhs.globalStep == rhs.globalStep
      && lhs.sampleOrder == rhs.sampleOrder && lhs.shuffleState == rhs.shuffleState
      && lhs.augmentationState == rhs.augmentationState
      && lhs.dropoutStates.map(\.layer) == rhs.dropoutStates.map(\.layer)
      && lhs.dropoutStates.map(\.state) == rhs.dropoutStates.map(\.state)
      && lhs.model == rhs.model && lhs.bestWeights == rhs.bestWeights
      && lhs.optimizer == rhs.optimizer && lhs.optimizerSlots == rhs.optimizerSlots
      && lhs.rateOverride == rhs.rateOverride && lhs.plateau == rhs.plateau
  }
}
