import DLTopEngine

extension TrainerFactory {
  /// Builds the model and `Trainer` of a `dltop train` configuration with a chosen validation
  /// split and length, for the commands that drive the engine themselves (`lr-find`, the trials
  /// of `search`); `make(_:)` is this with the job's own.
  ///
  /// - Parameters:
  ///   - validation: the validation split the trainer evaluates at each epoch end; nil for none
  ///     (the range test never ends an epoch on purpose).
  ///   - epochs: the planned epochs (sets the schedule's length).
  static func make(setup: TrainSetup, data: PreparedData, validation: LabeledSet?, epochs: Int)
    throws -> Trainer
  {
    let outputs: Int
    switch data.task {
    case .regression(let count): outputs = count
    default: outputs = data.classNames.count
    }
    let model: Sequential
    do {
      model = try ModelBuilder.build(
        spec: setup.model, inputShape: data.sampleShape, outputs: outputs,
        activation: setup.activation,
        initializer: setup.initializer, dropout: setup.dropout, batchNorm: setup.batchNorm,
        seed: setup.seed)
    } catch let error as ModelSpecError {
      // The engine says what is wrong; the executable names the flag.
      throw CommandFailure("--\(error.field): \(error)")
    }
    let configuration = TrainerConfiguration(
      batchSize: setup.batchSize, epochs: epochs, seed: setup.seed, l2: setup.l2)
    let stepsPerEpoch = configuration.batchesPerEpoch(sampleCount: data.train.count)
    let schedule = setup.schedule.makeSchedule(
      baseRate: setup.learningRate, stepsPerEpoch: stepsPerEpoch, totalSteps: stepsPerEpoch * epochs
    )
    let augmentation = data.augmentation
    return Trainer(
      model: model, loss: data.task.isClassification ? SoftmaxCrossEntropy() : MeanSquaredError(),
      optimizer: setup.optimizer.make(), schedule: schedule, configuration: configuration,
      train: data.train, validation: validation,
      plateau: setup.schedule.makePlateau(baseRate: setup.learningRate),
      augmentation: augmentation.isEmpty
        ? nil : { batch, rng in augmentation.augment(&batch, using: &rng) })
  }
}

extension TrainOptions {
  /// Loads and splits the data set these flags name (errors as one line, naming the flag).
  func loadData() throws -> PreparedData {
    try DataFlags.load(self)
  }
}
