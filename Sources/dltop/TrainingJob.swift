import DLTopEngine
import DLTopMonitor

/// Everything the training queue needs, prepared on the main thread.
struct TrainingJob: Sendable {
  var setup: TrainSetup
  var data: PreparedData
  var run: RunDescription
  /// Where the run log goes; nil writes none (`--no-run-log`).
  var runDirectory: String?
  /// Where the run log's default folder is made when `runDirectory` is not given.
  var writesRunLog: Bool
  /// The learning-rate range test to run before the first batch (`--lr-find`), or nil.
  var rangeTest: RangeTestPhase?
  /// The run's flags as recorded in its checkpoints (`TrainOptions.recordedArguments`).
  var recordedArguments: [String] = []
  /// Set when the job continues a run (`--resume`).
  var resume: ResumePlan?

  var isClassification: Bool { data.task.isClassification }

  /// The job with another learning rate (the range test's suggestion, taken before the first
  /// batch): the trainer's schedule starts from it and the run log's header says it.
  func adopting(learningRate rate: Double) -> TrainingJob {
    var job = self
    job.setup.learningRate = rate
    job.setup.options.lr = rate
    job.run = RunDescriptionBuilder.make(setup: job.setup, data: data)
    return job
  }
}

/// What a finished run produced, for the final lines and the `--json` document.
struct TrainOutcome: Sendable {
  var history: [EpochRecord] = []
  var bestEpoch: Int?
  /// The metric early stopping watched (and `bestEpoch` refers to).
  var monitor = MetricName.validationLoss.rawValue
  var stoppedEarly = false
  var stopReason: String = "completed"
  var diverged = false
  var test: TestResult?
  /// The run's verdict: the timeline's last state.
  var verdict: VerdictKind?
  /// The verdicts shown at the end: the verdict's evidence, then gradient signals.
  var verdicts: [Verdict] = []
  /// The verdict's changes, oldest first.
  var timeline: [VerdictChange] = []
  var runDirectory: String?
  var failure: String?
  /// The signal (SIGINT, SIGTERM) that stopped the run; the process then exits with 128 + it.
  var signal: Int32?
  /// The range test run before the first batch (`--lr-find`) and its answer.
  var rangeTest: RangeTestPhase.Outcome?

  /// The stop reason of a run ended by SIGINT or SIGTERM (`stop_reason` in the JSON document).
  static let interrupted = "interrupted"
}

/// The held-out test split, evaluated once at the end.
struct TestResult: Sendable {
  var loss: Double
  var accuracy: Double?
  var classification: ClassificationReport?
  var regression: RegressionReport?
}
