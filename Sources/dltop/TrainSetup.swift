import DLTopEngine
import DLTopMonitor

/// The flags of `dltop train`, checked and parsed into engine and monitor settings.
///
/// Everything that can be wrong with a flag is found here, before any data is loaded, and reported
/// as one line naming the flag and what it accepts.
struct TrainSetup: Sendable {
  var model: ModelSpec
  var activation: Activation
  var initializer: Initializer?
  var optimizer: OptimizerKind
  var learningRate: Double
  var schedule: ScheduleSpec
  var batchSize: TrainerConfiguration.BatchSize
  var epochs: Int
  var l2: Double
  var dropout: Float
  var batchNorm: Bool
  var seed: UInt64
  /// nil when early stopping is off (`--no-early-stop`).
  var earlyStopping: EarlyStopping.Options?
  var options: TrainOptions

  init(_ options: TrainOptions) throws {
    self.options = options
    model = try Self.parse("--model", options.model) { try ModelSpec.parse($0) }
    activation = try Self.parse("--activation", options.activation) { try Activation.parse($0) }
    initializer = try options.`init`.map { text in
      try Self.parse("--init", text) { try Initializer.parse($0) }
    }
    optimizer = try Self.parse("--optimizer", options.optimizer) { try OptimizerKind.parse($0) }
    schedule = try Self.parse("--schedule", options.schedule) { try ScheduleSpec.parse($0) }
    guard options.lr > 0, options.lr.isFinite else {
      throw CommandFailure("--lr: the learning rate must be a positive number, got \(options.lr)")
    }
    learningRate = options.lr
    batchSize = try Self.parseBatch(options.batch)
    guard options.epochs >= 1 else {
      throw CommandFailure("--epochs: needs at least 1 epoch, got \(options.epochs)")
    }
    epochs = options.epochs
    guard options.l2 >= 0, options.l2.isFinite else {
      throw CommandFailure("--l2: λ must be ≥ 0, got \(options.l2)")
    }
    l2 = options.l2
    guard options.dropout >= 0, options.dropout < 1 else {
      throw CommandFailure(
        "--dropout: the drop rate must be in [0, 1) (0.3–0.5 is typical), got \(options.dropout)")
    }
    dropout = Float(options.dropout)
    batchNorm = options.batchnorm
    seed = options.seed
    if let threads = options.threads, threads < 1 {
      throw CommandFailure("--threads: needs at least 1 thread, got \(threads)")
    }
    if options.noEarlyStop {
      earlyStopping = nil
    } else {
      earlyStopping = try Self.parse("--early-stop", options.earlyStop) {
        try EarlyStopping.Options.parse($0)
      }
    }
  }

  /// `--batch`: a positive number (1 = stochastic) or `full`.
  static func parseBatch(_ text: String) throws -> TrainerConfiguration.BatchSize {
    let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
    if trimmed == "full" { return .full }
    guard let n = Int(trimmed), n >= 1 else {
      throw CommandFailure(
        "--batch: '\(text)' is not accepted; give a positive number (1 = stochastic, 32…1024 typical) or 'full'"
      )
    }
    return .samples(n)
  }

  /// Runs a parser and turns its error into one line naming the flag.
  private static func parse<T>(_ flag: String, _ text: String, _ body: (String) throws -> T) throws
    -> T
  {
    do {
      return try body(text)
    } catch {
      let message = String(describing: error)
      throw CommandFailure(message.contains(flag) ? message : "\(flag): \(message)")
    }
  }
}
