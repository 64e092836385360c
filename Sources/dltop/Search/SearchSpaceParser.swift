import DLTopEngine
import DLTopMonitor
import Foundation

/// Reads the searched flags of `dltop search`: a range `A..B` (log-uniform for `--lr` and `--l2`,
/// uniform for `--dropout`) or choices (`--batch 32,64,128`; `--model mlp:128/mlp:256,128/cnn`
/// — models are separated by `/`, because a model's own layers are separated by commas). A single
/// value is not searched: it is passed to every trial as it is.
enum SearchSpaceParser {
  /// A searched flag's text split into what is searched and what is fixed.
  struct Parsed {
    var parameters: [SearchParameter] = []
    /// Flags passed unchanged to every trial (`--lr 0.001` when not a range).
    var fixed: [String] = []
  }

  static func parse(
    lr: String?, l2: String?, dropout: String?, batch: String?, model: String?, optimizer: String?
  )
    throws -> Parsed
  {
    var parsed = Parsed()
    if let lr {
      try add(&parsed, "lr", lr, range: .logarithmic) { value in
        guard let x = Double(value), x > 0, x.isFinite else { return "a positive number" }
        return nil
      }
    }
    if let l2 {
      try add(&parsed, "l2", l2, range: .logarithmic) { value in
        guard let x = Double(value), x >= 0, x.isFinite else {
          return "a number ≥ 0 (a range needs both ends > 0)"
        }
        return nil
      }
    }
    if let dropout {
      try add(&parsed, "dropout", dropout, range: .linear) { value in
        guard let x = Double(value), x >= 0, x < 1 else { return "a drop rate in [0, 1)" }
        return nil
      }
    }
    if let batch {
      try add(&parsed, "batch", batch, choiceSeparators: [","]) { value in
        (try? TrainerConfiguration.BatchSize.parse(value)) == nil
          ? "a positive number or full" : nil
      }
    }
    if let model {
      try add(&parsed, "model", model, choiceSeparators: ["/", "|"]) { value in
        do {
          _ = try ModelSpec.parse(value)
          return nil
        } catch {
          return "a model such as linear, mlp:128, mlp:256,128 or cnn (\(error))"
        }
      }
    }
    if let optimizer {
      try add(&parsed, "optimizer", optimizer, choiceSeparators: ["/", "|", ","]) { value in
        (try? OptimizerKind.parse(value)) == nil ? "sgd, momentum, adagrad, rmsprop or adam" : nil
      }
    }
    return parsed
  }

  private enum RangeScale { case linear, logarithmic }

  /// Adds a flag that takes a range `A..B` or a single value.
  private static func add(
    _ parsed: inout Parsed, _ name: String, _ text: String, range scale: RangeScale,
    check: (String) -> String?
  ) throws {
    let flag = "--\(name)"
    let parts = text.components(separatedBy: "..")
    if parts.count == 1 {
      if let problem = check(text) { throw CommandFailure("\(flag): '\(text)' is not \(problem)") }
      parsed.fixed += [flag, text]
      return
    }
    guard parts.count == 2 else {
      throw CommandFailure(
        "\(flag): '\(text)' is not a range; write LOW..HIGH, e.g. \(example(name))")
    }
    for part in parts {
      if let problem = check(part) {
        throw CommandFailure("\(flag): '\(part)' in '\(text)' is not \(problem)")
      }
    }
    let low = Double(parts[0]) ?? 0
    let high = Double(parts[1]) ?? 0
    guard low < high else {
      throw CommandFailure("\(flag): the range '\(text)' needs LOW < HIGH, e.g. \(example(name))")
    }
    if scale == .logarithmic {
      guard low > 0 else {
        throw CommandFailure(
          "\(flag): a log-uniform range needs LOW > 0, got '\(text)'; e.g. \(example(name))")
      }
      parsed.parameters.append(SearchParameter(name: name, domain: .logUniform(low...high)))
    } else {
      parsed.parameters.append(SearchParameter(name: name, domain: .uniform(low...high)))
    }
  }

  /// Adds a flag that takes choices separated by one of `separators`, or a single value.
  private static func add(
    _ parsed: inout Parsed, _ name: String, _ text: String,
    choiceSeparators separators: [Character],
    check: (String) -> String?
  ) throws {
    let flag = "--\(name)"
    let choices = text.split(whereSeparator: { separators.contains($0) }).map {
      String($0).trimmingCharacters(in: .whitespaces)
    }
    guard !choices.isEmpty, !choices.contains(where: \.isEmpty) else {
      throw CommandFailure("\(flag): '\(text)' has an empty choice")
    }
    for choice in choices {
      if let problem = check(choice) {
        throw CommandFailure("\(flag): '\(choice)' is not \(problem)")
      }
    }
    if choices.count == 1 {
      parsed.fixed += [flag, choices[0]]
    } else {
      parsed.parameters.append(SearchParameter(name: name, domain: .choices(choices)))
    }
  }

  private static func example(_ name: String) -> String {
    switch name {
    case "lr": "--lr 1e-6..1e-2"
    case "l2": "--l2 1e-8..1e-4"
    default: "--dropout 0..0.5"
    }
  }
}
