import Foundation

/// A `dltop train` command line built from the arguments another command was given, so that what
/// `lr-find` and `search` print can be pasted to train exactly that configuration.
struct TrainCommandLine: Equatable {
  /// The arguments after `dltop train`.
  private(set) var arguments: [String]

  init(_ arguments: [String]) {
    self.arguments = arguments
  }

  /// The arguments this process got after its subcommand (`dltop lr-find …` → `…`).
  static func current(subcommand: String) -> TrainCommandLine {
    let all = Array(CommandLine.arguments.dropFirst())
    guard let index = all.firstIndex(of: subcommand) else { return TrainCommandLine(all) }
    return TrainCommandLine(Array(all[(index + 1)...]))
  }

  /// Drops options that take a value (`--x v`, `--x=v`) and flags (`--y`).
  func removing(options: Set<String>, flags: Set<String> = []) -> TrainCommandLine {
    var kept: [String] = []
    var index = 0
    while index < arguments.count {
      let argument = arguments[index]
      let name = argument.split(separator: "=", maxSplits: 1).first.map(String.init) ?? argument
      if options.contains(name) {
        index += argument.contains("=") ? 1 : 2
        continue
      }
      if flags.contains(argument) {
        index += 1
        continue
      }
      kept.append(argument)
      index += 1
    }
    return TrainCommandLine(kept)
  }

  /// Sets `--option value`, replacing any earlier value.
  func setting(_ option: String, to value: String) -> TrainCommandLine {
    var line = removing(options: [option])
    line.arguments += [option, value]
    return line
  }

  /// `dltop train …`, each argument quoted for a POSIX shell when it needs it.
  var text: String {
    (["dltop", "train"] + arguments.map(Self.quoted)).joined(separator: " ")
  }

  static func quoted(_ argument: String) -> String {
    let safe = argument.allSatisfy { $0.isLetter || $0.isNumber || "-_.,:/=+@%".contains($0) }
    if safe && !argument.isEmpty { return argument }
    return "'" + argument.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}

extension TrainCommandLine {
  /// A hyper-parameter value as a flag value: three significant digits (`0.00123`, `1.5e-05`).
  static func number(_ value: Double) -> String {
    String(format: "%.3g", value)
  }
}
