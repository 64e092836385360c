import DLTopEngine
import DLTopMonitor

/// One trial, ready to run: its sampled values, the exact `dltop train` arguments that repeat it,
/// and those arguments parsed.
struct TrialPlan: Sendable {
  var id: Int
  var round: Int
  var values: [ParameterValue]
  var arguments: TrainCommandLine
  var setup: TrainSetup

  /// - Parameters:
  ///   - fixed: the arguments every trial shares (data, model options, `--epochs`, `--seed`…).
  ///   - parameters: the searched parameters, in the order of `values`.
  init(
    id: Int, round: Int, values: [ParameterValue], parameters: [SearchParameter], fixed: [String]
  ) throws {
    self.id = id
    self.round = round
    self.values = values
    var line = TrainCommandLine(fixed)
    for (parameter, value) in zip(parameters, values) {
      line = line.setting("--\(parameter.name)", to: value.description)
    }
    arguments = line
    do {
      setup = try TrainSetup(TrainOptions.parse(line.arguments))
    } catch let failure as CommandFailure {
      throw failure
    } catch {
      throw CommandFailure("trial \(id): \(TrainOptions.message(for: error))")
    }
  }
}
