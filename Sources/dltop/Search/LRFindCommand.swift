import ArgumentParser
import DLTopEngine
import DLTopMonitor
import DLTopTUI
import Foundation

/// `dltop lr-find`: Leslie Smith's learning-rate range test (fastai's `lr_find`, Lightning's
/// tuner) on the model and data of a `dltop train` command line.
struct LRFindCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lr-find",
    abstract:
      "Learning-rate range test: ramp η exponentially over a few hundred batches and suggest a rate.",
    discussion: """
      The rate grows from --start to --end over --iterations batches; the test stops when the \
      smoothed loss exceeds 4× its minimum. The model's weights are put back afterwards. Takes \
      every model and data flag of `dltop train` (--lr is ignored: the test sets the rate).
      """)

  @OptionGroup var options: TrainOptions

  @Option(help: "First learning rate of the ramp.")
  var start: Double = 1e-7

  @Option(help: "Last learning rate of the ramp.")
  var end: Double = 10

  @Option(help: "Mini-batches in the ramp.")
  var iterations = 200

  @Option(help: "Suggestion: valley (fastai's default) or steep (steepest descent).")
  var method = "valley"

  mutating func run() throws {
    let setup = try TrainSetup(options)
    guard start > 0, end > start else {
      throw CommandFailure("--start/--end: need 0 < start < end, got \(start) and \(end)")
    }
    guard iterations >= 10 else {
      throw CommandFailure("--iterations: needs at least 10, got \(iterations)")
    }
    guard let chosen = LearningRateRangeResult.Method(rawValue: method) else {
      throw CommandFailure("--method: '\(method)' is not accepted; give valley or steep")
    }
    if let threads = options.threads { BLAS.setThreadCount(threads) }
    let data = try options.loadData()
    let trainer = try TrainerFactory.make(setup: setup, data: data, validation: nil, epochs: 1)
    let test = LearningRateRangeTest(startRate: start, endRate: end, iterations: iterations)
    let result = test.run(on: trainer)
    let suggested = result.suggestion(chosen)
    if options.json {
      print(document(result, suggested: suggested, method: chosen).serialized())
      return
    }
    printReport(result, suggested: suggested, method: chosen, data: data.name, setup: setup)
  }

  private func document(
    _ result: LearningRateRangeResult, suggested: Double?, method: LearningRateRangeResult.Method
  ) -> JSONValue {
    .object([
      ("lrs", .array(result.rates.map(JSONValue.number))),
      ("losses", .array(result.losses.map(JSONValue.number))),
      ("suggested_lr", .double(suggested)),
      ("method", .string(method.rawValue)),
      ("valley_lr", .double(result.suggestion(.valley))),
      ("steep_lr", .double(result.suggestion(.steep))),
      ("raw_losses", .array(result.rawLosses.map(JSONValue.number))),
      ("iterations", .int(result.iterations)),
      ("stop_reason", .string(result.stopReason.rawValue)),
    ])
  }

  private func printReport(
    _ result: LearningRateRangeResult, suggested: Double?, method: LearningRateRangeResult.Method,
    data: String, setup: TrainSetup
  ) {
    let suggestions = result.suggestions(preferring: method).map { ($0.method.rawValue, $0.rate) }
    let plot = RangeTestPlot(
      rates: result.rates, losses: result.losses, suggestions: suggestions,
      title: "lr-find \(data) \(setup.model) \(setup.optimizer) batch \(setup.batchSize)")
    var width = 80
    var size = winsize()
    if isatty(STDOUT_FILENO) != 0, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0,
      size.ws_col >= 40
    {
      width = min(Int(size.ws_col), 160)
    }
    let theme = Theme.noColors
    var grid = CellGrid(width: width, height: 20)
    plot.render(into: &grid, area: grid.bounds, theme: theme)
    for row in 0..<grid.height { print(grid.text(row: row)) }
    let stop =
      result.stopReason == .completed
      ? "all \(result.iterations) batches"
      : "stopped (\(result.stopReason.rawValue)) after \(result.rates.count) of \(result.iterations) batches"
    print(
      "range test: η \(TrainCommandLine.number(start)) → \(TrainCommandLine.number(end)), \(stop); weights restored"
    )
    for (name, rate) in suggestions {
      print("  \(name == method.rawValue ? "*" : " ") \(name): η = \(HeadlessPrinter.format(rate))")
    }
    if let suggested {
      print("suggested learning rate (\(method.rawValue)): \(HeadlessPrinter.format(suggested))")
      let line = TrainCommandLine.current(subcommand: "lr-find")
        .removing(options: ["--start", "--end", "--iterations", "--method"], flags: ["--json"])
        .setting("--lr", to: TrainCommandLine.number(suggested))
      print("train with: \(line.text)")
    } else {
      print(
        "no suggestion: the curve is too short (fewer than 2 batches); try more --iterations or a smaller --start"
      )
    }
  }
}
