import DLTopEngine
import DLTopMonitor

/// Builds the model and `Trainer` of a job (on the training queue: the trainer is not Sendable).
enum TrainerFactory {
  /// - Throws: when the model does not fit the data.
  static func make(_ job: TrainingJob) throws -> Trainer {
    let setup = job.setup
    let data = job.data
    let outputs = data.task.isClassification ? data.classNames.count : regressionOutputs(data)
    let model = try ModelBuilder.build(
      spec: setup.model, inputShape: data.sampleShape, outputs: outputs, activation: setup.activation,
      initializer: setup.initializer, dropout: setup.dropout, batchNorm: setup.batchNorm, seed: setup.seed)
    let configuration = TrainerConfiguration(
      batchSize: setup.batchSize, epochs: setup.epochs, seed: setup.seed, l2: setup.l2)
    let stepsPerEpoch = configuration.batchesPerEpoch(sampleCount: data.train.count)
    let schedule = setup.schedule.makeSchedule(
      baseRate: setup.learningRate, stepsPerEpoch: stepsPerEpoch, totalSteps: stepsPerEpoch * setup.epochs)
    let augmentation = data.augmentation
    return Trainer(
      model: model, loss: data.task.isClassification ? SoftmaxCrossEntropy() : MeanSquaredError(),
      optimizer: setup.optimizer.make(), schedule: schedule, configuration: configuration,
      train: data.train, validation: data.validation,
      plateau: setup.schedule.makePlateau(baseRate: setup.learningRate),
      augmentation: augmentation.isEmpty ? nil : { batch, rng in augmentation.augment(&batch, using: &rng) })
  }

  private static func regressionOutputs(_ data: PreparedData) -> Int {
    if case .regression(let outputs) = data.task { return outputs }
    return 1
  }

  /// The recorder's options for a job: early stopping as configured (off without `--early-stop`),
  /// chance level from the class count, every epoch kept for the `--json` history.
  static func recorderOptions(_ job: TrainingJob) -> RunRecorder.Options {
    var options = RunRecorder.Options()
    options.earlyStopping = job.setup.earlyStopping ?? EarlyStopping.Options()
    options.earlyStoppingEnabled = job.setup.earlyStopping != nil
    options.classCount = job.data.task.isClassification ? job.data.classNames.count : nil
    options.keepsEveryEpoch = true
    return options
  }
}

/// The held-out test split, evaluated once at the end.
enum TestEvaluation {
  static func evaluate(_ data: PreparedData, trainer: Trainer) -> TestResult? {
    guard let test = data.test else { return nil }
    return try? test.evaluateOnce { set -> TestResult in
      let evaluation = trainer.evaluate(set, batchSize: 1024)
      var result = TestResult(loss: evaluation.loss, accuracy: evaluation.accuracy)
      if let predicted = evaluation.predictedClasses, let truth = evaluation.labels {
        result.classification = ClassificationReport(
          truth: truth, predicted: predicted, classNames: data.classNames, positiveClass: data.positiveClass)
      } else if let outputs = evaluation.outputs, case .values(let targets) = set.targets {
        result.regression = RegressionReport(predictions: outputs, targets: targets)
      }
      return result
    }
  }
}

extension TestResult {
  /// What the run log and the snapshot keep of the test evaluation.
  var summary: TestSummary {
    TestSummary(loss: loss, accuracy: accuracy, confusion: classification?.confusion.rows)
  }
}
