import ArgumentParser
import DLTopEngine
import DLTopMonitor
import DLTopTUI
import Foundation

/// `dltop search`: random search with coarse-to-fine rounds, median-rule pruning and the live
/// search dashboard (SPEC.md, "Hyper-parameter search").
struct SearchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "search",
    abstract:
      "Hyper-parameter search: random trials judged on validation data, narrowed round by round.",
    discussion: """
      Every flag of `dltop train` is accepted and passed to each trial. Searched flags take a \
      range or choices: --lr 1e-6..1e-2 and --l2 1e-8..1e-4 (log-uniform), --dropout 0..0.5 \
      (uniform), --batch 32,64,128, --model mlp:128/mlp:256,128/cnn (models separated by '/', \
      since a model's layers are separated by commas), --optimizer adam/sgd. Each trial trains \
      --epochs epochs without early stopping; trials are ranked by their last epoch's val_loss. \
      The test split is evaluated once, at the end, with the best trial's weights as trained \
      (not retrained on train+validation).
      """)

  @Option(help: "Learning rate: a range LOW..HIGH (log-uniform) or one value.")
  var lr: String?
  @Option(help: "L2 weight decay λ: a range LOW..HIGH (log-uniform) or one value.")
  var l2: String?
  @Option(help: "Dropout rate: a range LOW..HIGH (uniform) or one value.")
  var dropout: String?
  @Option(help: "Batch sizes to choose from, comma-separated (32,64,128), or one.")
  var batch: String?
  @Option(help: "Models to choose from, separated by '/' (mlp:128/mlp:256,128/cnn), or one.")
  var model: String?
  @Option(help: "Optimizers to choose from, separated by '/' (adam/momentum), or one.")
  var optimizer: String?

  @Option(help: "Trials in all rounds together.")
  var trials = 20
  @Option(help: "Rounds: each samples in the region of the best trials so far (coarse to fine).")
  var rounds = 1
  @Option(help: "Epochs per trial (no early stopping inside a trial).")
  var epochs = 5
  @Option(help: "Wall-time budget: 90s, 10m, 1h. No trial starts after it; running trials stop.")
  var budget: String?
  @Option(help: "Pruning of hopeless trials: median (the median stopping rule) or none.")
  var prune = "median"
  @Option(help: "Trials run at once (default: 2 on 2 or more cores, each with 1 OpenBLAS thread).")
  var parallel: Int?
  @Option(help: "OpenBLAS threads per trial (default: cores ÷ parallel trials).")
  var threads: Int?
  @Option(help: "Seed of the sampler and of every trial (passed as --seed).")
  var seed: UInt64 = 42
  @Option(help: "Folder for the search (default ./dltop-searches/<date>-<time>-<dataset>/).")
  var searchDir: String?
  @Flag(
    help: "No dashboard: one line per finished trial (automatic when stdout is not a terminal).")
  var headless = false
  @Flag(help: "Print exactly one JSON document on stdout at the end; progress goes to stderr.")
  var json = false
  @Option(help: "Dashboard theme: default, light, high-contrast, monochrome, or a theme file path.")
  var theme = "default"

  @Argument(parsing: .allUnrecognized, help: "Any other `dltop train` flag, passed to every trial.")
  var trainArguments: [String] = []

  mutating func run() throws {
    let plan = try makePlan()
    let headless = self.headless || json || isatty(STDOUT_FILENO) == 0 || isatty(STDIN_FILENO) == 0
    let printer = HeadlessPrinter(toStandardError: json || !headless)
    let loaded = try plan.baseOptions.loadData()
    guard loaded.validation != nil else {
      throw CommandFailure(
        "search: \(loaded.name) has no validation split with --split \(plan.baseOptions.split ?? "(default)"); trials are judged on validation data, so give three parts, e.g. --split 70:15:15"
      )
    }
    let sealedTest = loaded.test
    var trialData = loaded
    trialData.test = nil
    BLAS.setThreadCount(plan.threadsPerTrial)
    let folder =
      searchDir
      ?? RunLogWriter.defaultDirectory(parent: "dltop-searches", dataset: loaded.name, date: Date())
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    var initial = SearchSnapshot(
      title: "search \(loaded.name)", space: plan.space, totalRounds: rounds,
      pruner: prune == "median" ? "median stopping rule" : "none", parallelTrials: plan.parallel)
    initial.budgetSeconds = plan.budgetSeconds
    let link = StudyLink(initial)
    let runner = SearchRunner(
      settings: .init(
        space: plan.space, fixed: plan.fixed, trials: trials, rounds: rounds,
        parallel: plan.parallel, seed: seed,
        budgetSeconds: plan.budgetSeconds, rule: prune == "median" ? MedianStoppingRule() : nil,
        folder: folder),
      data: trialData, test: sealedTest, link: link)
    printer.line(
      "search: \(trials) trials in \(rounds) round(s), \(epochs) epochs each, \(plan.parallel) at a time × \(plan.threadsPerTrial) OpenBLAS thread(s); folder \(folder)"
    )
    let started = ContinuousClock.now
    runner.start()
    if headless {
      followHeadless(link: link, runner: runner, printer: printer, started: started)
    } else {
      let themeValue = try ThemeChoice.load(theme)
      try MainActor.assumeIsolated {
        try SearchDashboardRunner.run(
          link: link, isRunning: { runner.outcome == nil }, theme: themeValue, folder: folder,
          started: started)
      }
    }
    let outcome = runner.wait()
    if let failure = outcome.failure { throw CommandFailure(failure) }
    let test = outcome.test
    let snapshot = link.latest()
    let files = SearchFiles(folder: folder)
    try files.write(snapshot, best: outcome.best, test: test)
    if json {
      print(
        SearchReport.document(snapshot, best: outcome.best, test: test, folder: folder).serialized()
      )
    } else {
      SearchReport.printSummary(
        snapshot, best: outcome.best, test: test, folder: folder,
        printer: HeadlessPrinter(toStandardError: false))
    }
  }

  private func followHeadless(
    link: StudyLink, runner: SearchRunner, printer: HeadlessPrinter,
    started: ContinuousClock.Instant
  ) {
    let trap = SignalTrap()
    var shown = 0
    var stopSent = false
    while true {
      let finished = runner.outcome != nil
      let snapshot = link.latest()
      // The list keeps the newest 200; print those added since the last look.
      let fresh = min(snapshot.events.count, snapshot.eventTotal - shown)
      for line in snapshot.events.suffix(fresh) { printer.line(line) }
      shown = snapshot.eventTotal
      if finished { break }
      if let signal = trap.signal, !stopSent {
        stopSent = true
        printer.line("stopping: received signal \(signal); running trials stop at their next batch")
        link.send(.stopSearch)
      }
      link.waitForChange(timeout: 0.1)
    }
  }
}
