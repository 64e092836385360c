/// Saving a trainer's state at an epoch boundary and continuing from it (`dltop train --resume`).
extension Trainer {
  /// The state after the last completed epoch.
  ///
  /// Call between epochs (after `finishEpoch()`, before the next `trainBatch()`).
  package func checkpoint() -> TrainerCheckpoint {
    precondition(batchIndex == 0, "Trainer.checkpoint: call between epochs, not in epoch \(epoch)")
    let best = bestWeights.map { weights in
      zip(parameters, weights).map {
        NamedTensor(name: $0.name, tensor: $1, isParameter: true)
      } + bestState
    }
    return TrainerCheckpoint(
      completedEpochs: completedEpochs, globalStep: globalStep, sampleOrder: order,
      shuffleState: shuffleGenerator.currentState,
      augmentationState: augmentationGenerator.currentState,
      dropoutStates: dropoutLayers.map { ($0.name, $0.generatorState) },
      model: model.namedTensors, bestWeights: best, optimizer: optimizer.name,
      optimizerSlots: optimizer.savedSlots(of: parameters),
      rateOverride: learningRateOverride.map {
        TrainerCheckpoint.RateOverride(rate: $0.rate, fromStep: $0.fromStep)
      },
      plateau: plateau?.state)
  }

  /// Continues from `checkpoint`: the next `trainBatch()` runs the first batch of epoch
  /// `checkpoint.completedEpochs + 1` with the weights, optimizer state, rate, generators and
  /// sample order the uninterrupted run would have had, so the losses that follow are the same
  /// bit for bit (with `OPENBLAS_NUM_THREADS=1`, as for any repeat of a run).
  ///
  /// - Throws: `ModelStateError` when the checkpoint does not fit this trainer (another model,
  ///   optimizer or training set); the trainer is unchanged then.
  package func resume(from checkpoint: TrainerCheckpoint) throws(ModelStateError) {
    precondition(globalStep == 0, "Trainer.resume: the trainer has already trained")
    guard checkpoint.optimizer == optimizer.name else {
      throw ModelStateError(
        message:
          "the checkpoint's optimizer is \(checkpoint.optimizer), this run's \(optimizer.name)"
      )
    }
    guard checkpoint.completedEpochs >= 0, checkpoint.globalStep >= 0 else {
      throw ModelStateError(message: "negative epoch or step in the checkpoint")
    }
    try Self.checkPermutation(checkpoint.sampleOrder, count: train.count)
    let dropouts = dropoutLayers
    guard checkpoint.dropoutStates.map(\.layer) == dropouts.map(\.name) else {
      throw ModelStateError(
        message:
          "the checkpoint has dropout layers \(checkpoint.dropoutStates.map(\.layer)), the model \(dropouts.map(\.name))"
      )
    }
    var bestByName: [String: Tensor]?
    if let best = checkpoint.bestWeights {
      let given = Dictionary(
        best.map { ($0.name, $0.tensor) }, uniquingKeysWith: { _, last in last })
      let expected = model.namedTensors
      guard given.count == expected.count,
        expected.allSatisfy({ given[$0.name]?.shape == $0.tensor.shape })
      else { throw ModelStateError(message: "the checkpoint's best weights do not fit the model") }
      bestByName = given
    }
    let before = model.namedTensors
    try model.load(checkpoint.model)
    do {
      try optimizer.restoreSlots(checkpoint.optimizerSlots, of: parameters)
    } catch {
      try? model.load(before)
      throw error
    }
    if let bestByName {
      bestWeights = parameters.map { bestByName[$0.name] ?? $0.value }
      bestState = model.inferenceState().map {
        NamedTensor(name: $0.name, tensor: bestByName[$0.name] ?? $0.tensor, isParameter: false)
      }
    } else {
      bestWeights = nil
      bestState = []
    }
    epoch = checkpoint.completedEpochs + 1
    batchIndex = 0
    globalStep = checkpoint.globalStep
    order = checkpoint.sampleOrder
    shuffleGenerator = SeededGenerator(seed: checkpoint.shuffleState)
    augmentationGenerator = SeededGenerator(seed: checkpoint.augmentationState)
    for (layer, saved) in zip(dropouts, checkpoint.dropoutStates) {
      layer.generatorState = saved.state
    }
    learningRateOverride = checkpoint.rateOverride.map {
      LearningRateOverride(base: schedule, rate: $0.rate, fromStep: $0.fromStep)
    }
    if let state = checkpoint.plateau { plateau?.restore(state) }
  }

  /// The model's dropout layers, in layer order.
  var dropoutLayers: [Dropout] { model.layers.compactMap { $0 as? Dropout } }

  private static func checkPermutation(_ order: [Int], count: Int) throws(ModelStateError) {
    guard order.count == count else {
      throw ModelStateError(
        message: "the checkpoint orders \(order.count) training samples, this run has \(count)")
    }
    var seen = [Bool](repeating: false, count: count)
    for index in order {
      guard index >= 0, index < count, !seen[index] else {
        throw ModelStateError(message: "the checkpoint's sample order is not a permutation")
      }
      seen[index] = true
    }
  }
}
