import DLTopEngine
import DLTopMonitor

/// The `dltop train --json` document: the keys named in the foundation issue, in that order, then
/// extra keys. Classification fields are null for regression.
enum TrainReport {
  static func document(job: TrainingJob, outcome: TrainOutcome) -> JSONValue {
    let data = job.data
    let classification = outcome.test?.classification
    var pairs: [(key: String, value: JSONValue)] = [
      ("dataset", .string(data.name)),
      ("task", .string(data.task.isClassification ? "classification" : "regression")),
      (
        "classes",
        data.task.isClassification ? .array(data.classNames.map(JSONValue.string)) : .null
      ),
      ("epochs_run", .int(outcome.history.count)),
      ("best_epoch", .integer(outcome.bestEpoch)),
      ("stopped_early", .bool(outcome.stoppedEarly)),
      ("stop_reason", .string(outcome.stopReason)),
      ("history", .array(outcome.history.map(historyEntry))),
      ("test", testObject(outcome.test, classification: classification)),
    ]
    pairs.append(("model", .string(job.setup.model.description)))
    pairs.append(("optimizer", .string(job.setup.optimizer.description)))
    pairs.append(("schedule", .string(job.setup.schedule.description)))
    pairs.append(("seed", .int(Int(truncatingIfNeeded: job.setup.seed))))
    pairs.append(
      (
        "split",
        .object([
          ("train", .int(data.splitSizes.train)), ("validation", .int(data.splitSizes.validation)),
          ("test", .int(data.splitSizes.test)),
        ])
      ))
    pairs.append(("blas", .string(BLAS.configuration)))
    pairs.append(("diverged", .bool(outcome.diverged)))
    pairs.append(("verdict", .text(outcome.verdict?.rawValue)))
    pairs.append(("verdicts", .array(outcome.verdicts.map(verdictObject))))
    pairs.append(("timeline", .array(outcome.timeline.map(timelineEntry))))
    pairs.append(("run_dir", .text(outcome.runDirectory)))
    pairs.append(("notes", .array(data.notes.map(JSONValue.string))))
    pairs.append(("warnings", .array(data.warnings.map(JSONValue.string))))
    if let found = outcome.rangeTest { pairs.append(("lr_find", rangeTestObject(found))) }
    if let failure = outcome.failure { pairs.append(("error", .string(failure))) }
    if let signal = outcome.signal { pairs.append(("signal", .int(Int(signal)))) }
    return .object(pairs)
  }

  /// `--lr-find`: the suggestion, whether it was used, and the rate the run trained with.
  private static func rangeTestObject(_ found: RangeTestPhase.Outcome) -> JSONValue {
    .object([
      ("suggested_lr", .double(found.suggested)),
      ("method", .string(found.method.rawValue)),
      ("valley_lr", .double(found.result.suggestion(.valley))),
      ("steep_lr", .double(found.result.suggestion(.steep))),
      ("accepted", .bool(found.accepted)),
      ("lr", .double(found.rate)),
      ("batches", .int(found.result.rates.count)),
      ("stop_reason", .string(found.result.stopReason.rawValue)),
    ])
  }

  private static func historyEntry(_ record: EpochRecord) -> JSONValue {
    .object([
      ("epoch", .int(record.epoch)),
      ("loss", .double(record.loss)),
      ("accuracy", .double(record.accuracy)),
      ("val_loss", .double(record.validationLoss)),
      ("val_accuracy", .double(record.validationAccuracy)),
      ("lr", .double(record.learningRate)),
      ("seconds", .double(record.seconds)),
    ])
  }

  private static func testObject(_ test: TestResult?, classification: ClassificationReport?)
    -> JSONValue
  {
    guard let test else { return .null }
    var pairs: [(key: String, value: JSONValue)] = [
      ("loss", .number(test.loss)),
      ("accuracy", .double(test.accuracy)),
      (
        "confusion",
        classification.map { .array($0.confusion.rows.map { .array($0.map(JSONValue.int)) }) }
          ?? .null
      ),
      (
        "precision",
        classification.map { .array($0.perClass.map { .number($0.precision) }) } ?? .null
      ),
      ("recall", classification.map { .array($0.perClass.map { .number($0.recall) }) } ?? .null),
      ("f1", classification.map { .array($0.perClass.map { .number($0.f1) }) } ?? .null),
      ("macro_f1", classification.map { .number($0.macro.f1) } ?? .null),
    ]
    if let classification {
      pairs.append(("weighted_f1", .number(classification.weighted.f1)))
      pairs.append(("support", .array(classification.perClass.map { .int($0.support) })))
      if let positive = classification.positiveClass, let counts = classification.binary {
        pairs.append(
          (
            "positive",
            .object([
              ("class", .string(classification.classNames[positive])),
              ("precision", .number(counts.precision)), ("recall", .number(counts.recall)),
              ("f1", .number(counts.f1)), ("tp", .int(counts.truePositives)),
              ("fp", .int(counts.falsePositives)),
              ("fn", .int(counts.falseNegatives)), ("tn", .int(counts.trueNegatives)),
            ])
          ))
      }
      pairs.append(("imbalance_warning", .text(classification.imbalanceWarning)))
    }
    if let regression = test.regression {
      pairs.append(("mse", .number(regression.meanSquaredError)))
      pairs.append(("mae", .number(regression.meanAbsoluteError)))
      pairs.append(("r2", .number(regression.rSquared)))
    }
    return .object(pairs)
  }

  static func timelineEntry(_ change: VerdictChange) -> JSONValue {
    .object([("epoch", .int(change.epoch)), ("verdict", .string(change.verdict.rawValue))])
  }

  static func verdictObject(_ verdict: Verdict) -> JSONValue {
    .object([
      ("kind", .string(verdict.kind.rawValue)),
      ("onset_epoch", .integer(verdict.onsetEpoch)),
      ("confidence", .number(verdict.confidence)),
      ("evidence", .string(verdict.evidence)),
      ("advice", .string(verdict.advice)),
    ])
  }
}
