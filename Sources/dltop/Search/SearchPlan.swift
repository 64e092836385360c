import DLTopEngine
import DLTopMonitor
import Foundation

/// The flags of `dltop search`, checked: the space, the arguments every trial shares, and how
/// trials share the cores.
struct SearchPlan {
  var space: SearchSpace
  /// Arguments passed to every trial (`dltop train` flags).
  var fixed: [String]
  /// The trials' flags with the searched ones unset, parsed (data loading, messages).
  var baseOptions: TrainOptions
  var parallel: Int
  var threadsPerTrial: Int
  var budgetSeconds: Double?
}

extension SearchCommand {
  /// Flags of `dltop train` that make no sense per trial: the search sets them itself.
  static let refusedTrainFlags: [String: String] = [
    "--run-dir": "each trial's run log goes into the search folder (--search-dir)",
    "--no-run-log": "every trial writes its run log",
    "--early-stop": "trials run --epochs epochs; pruning stops hopeless ones",
    "--snapshot-on-exit": "press s in the search dashboard",
    "--snapshot-dir": "snapshots go into the search folder",
  ]

  func makePlan() throws -> SearchPlan {
    guard trials >= 1 else {
      throw CommandFailure("--trials: needs at least 1 trial, got \(trials)")
    }
    guard rounds >= 1, rounds <= trials else {
      throw CommandFailure("--rounds: needs 1 to --trials (\(trials)) rounds, got \(rounds)")
    }
    guard epochs >= 1 else {
      throw CommandFailure("--epochs: needs at least 1 epoch, got \(epochs)")
    }
    guard prune == "median" || prune == "none" else {
      throw CommandFailure(
        "--prune: '\(prune)' is not accepted; give median (the median stopping rule) or none")
    }
    for argument in trainArguments {
      let name = String(argument.split(separator: "=", maxSplits: 1).first ?? "")
      if let why = Self.refusedTrainFlags[name] {
        throw CommandFailure("\(name): not accepted by search: \(why)")
      }
    }
    let parsed = try SearchSpaceParser.parse(
      lr: lr, l2: l2, dropout: dropout, batch: batch, model: model, optimizer: optimizer)
    let fixed =
      trainArguments + parsed.fixed + [
        "--epochs", "\(epochs)", "--no-early-stop", "--seed", "\(seed)",
      ]
    let options: TrainOptions
    do {
      options = try TrainOptions.parse(fixed)
    } catch {
      throw CommandFailure(TrainOptions.message(for: error))
    }
    _ = try TrainSetup(options)
    let cores = ProcessInfo.processInfo.activeProcessorCount
    let parallel = self.parallel ?? (cores >= 2 ? 2 : 1)
    guard parallel >= 1 else {
      throw CommandFailure("--parallel: needs at least 1, got \(parallel)")
    }
    let threads = self.threads ?? max(1, cores / parallel)
    guard threads >= 1 else { throw CommandFailure("--threads: needs at least 1, got \(threads)") }
    return SearchPlan(
      space: SearchSpace(parsed.parameters), fixed: fixed, baseOptions: options, parallel: parallel,
      threadsPerTrial: threads, budgetSeconds: try budget.map(Self.parseBudget))
  }

  /// `90s`, `10m`, `1.5h` or plain seconds.
  static func parseBudget(_ text: String) throws -> Double {
    let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
    let units: [(String, Double)] = [("s", 1), ("m", 60), ("h", 3600)]
    var value: Double?
    for (suffix, scale) in units where trimmed.hasSuffix(suffix) {
      value = Double(trimmed.dropLast()).map { $0 * scale }
    }
    if value == nil { value = Double(trimmed) }
    guard let seconds = value, seconds > 0, seconds.isFinite else {
      throw CommandFailure("--budget: '\(text)' is not a duration; write e.g. 90s, 10m or 1h")
    }
    return seconds
  }
}
