import DLTopEngine
import DLTopMonitor

/// Builds the model and `Trainer` of a job (on the training queue: the trainer is not Sendable).
enum TrainerFactory {
  /// - Throws: when the model does not fit the data.
  static func make(_ job: TrainingJob) throws -> Trainer {
    try make(
      setup: job.setup, data: job.data, validation: job.data.validation, epochs: job.setup.epochs)
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

/// The held-out test split, evaluated once at the end (and by `dltop eval`).
enum TestEvaluation {
  static func evaluate(_ data: PreparedData, trainer: Trainer) -> TestResult? {
    guard let test = data.test else { return nil }
    return try? test.evaluateOnce { set in
      result(
        of: set, trainer: trainer, classNames: data.classNames, positiveClass: data.positiveClass)
    }
  }

  /// The model's loss and accuracy on `set`, with the classification report (per-class
  /// precision/recall/F1, the confusion matrix, the positive class) or the regression errors.
  static func result(
    of set: LabeledSet, trainer: Trainer, classNames: [String], positiveClass: Int?
  ) -> TestResult {
    let evaluation = trainer.evaluate(set, batchSize: 1024)
    var result = TestResult(loss: evaluation.loss, accuracy: evaluation.accuracy)
    if let predicted = evaluation.predictedClasses, let truth = evaluation.labels {
      result.classification = ClassificationReport(
        truth: truth, predicted: predicted, classNames: classNames, positiveClass: positiveClass)
    } else if let outputs = evaluation.outputs, case .values(let targets) = set.targets {
      result.regression = RegressionReport(predictions: outputs, targets: targets)
    }
    return result
  }
}

extension TestResult {
  /// What the run log and the snapshot keep of the test evaluation.
  var summary: TestSummary {
    TestSummary(
      loss: loss, accuracy: accuracy, confusion: classification?.confusion.rows,
      positiveClass: classification?.positiveClass,
      sampleCount: classification?.confusion.total ?? regression?.count,
      regression: regression.map {
        TestSummary.Regression(
          meanSquaredError: $0.meanSquaredError, meanAbsoluteError: $0.meanAbsoluteError,
          rSquared: $0.rSquared)
      })
  }
}
