/// dltop-bench's command line: `[--json] [--quick] [--only NAMES] [--mlp-only]`.
struct BenchOptions {
  /// The sections `--only` accepts.
  static let sections = [
    "data", "mlp", "cnn", "gemm", "diagnosis", "recorder", "dashboard", "watch",
    "diagnosis-tuning",
  ]
  /// Sections only `--only` runs: `diagnosis-tuning` scores the data the rules are tuned on — the
  /// tuning half, holdout-3 and holdout-4 (a held-out set scored once is tuning data for the next
  /// round) — with their misses, for whoever tunes a rule (no validation, holdout-2 or holdout-5
  /// figure is seen while tuning).
  static let onDemand: Set<String> = ["diagnosis-tuning"]
  static let usage =
    "usage: dltop-bench [--json] [--quick] [--only \(sections.joined(separator: ","))] [--mlp-only]"

  var json = false
  var quick = false
  var only: Set<String> = Set(sections).subtracting(onDemand)

  /// A bad argument: its message names the argument and what is accepted.
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  init(arguments: [String]) throws(Failure) {
    var rest = arguments[...]
    while let argument = rest.popFirst() {
      switch argument {
      case "--json": json = true
      case "--quick": quick = true
      // Kept for callgrind profiling of the training loop: the MLP alone.
      case "--mlp-only": only = ["mlp"]
      case "--only":
        guard let list = rest.popFirst() else {
          throw Failure(description: "--only needs a comma list of sections; \(Self.usage)")
        }
        try select(list)
      case let option where option.hasPrefix("--only="):
        try select(String(option.dropFirst("--only=".count)))
      default:
        throw Failure(description: "unknown argument \(argument); \(Self.usage)")
      }
    }
  }

  func includes(_ section: String) -> Bool { only.contains(section) }

  private mutating func select(_ list: String) throws(Failure) {
    let names = list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    if let bad = names.first(where: { !Self.sections.contains($0) }) {
      throw Failure(
        description:
          "--only: unknown section \(bad); accepted: \(Self.sections.joined(separator: ", "))")
    }
    guard !names.isEmpty else {
      throw Failure(description: "--only needs at least one section; \(Self.usage)")
    }
    only = Set(names)
  }
}
