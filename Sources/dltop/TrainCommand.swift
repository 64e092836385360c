import ArgumentParser
import DLTopEngine
import DLTopMonitor
import DLTopTUI
import Foundation

/// `dltop train`: trains a network with dltop's engine, with the live dashboard or headless.
struct TrainCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "train",
    abstract: "Train a network with dltop's engine and watch it live (the default command).")

  @OptionGroup var options: TrainOptions

  @Flag(
    name: .customLong("lr-find"),
    help: ArgumentHelp(
      "Run the learning-rate range test (as `dltop lr-find`) before the first batch and offer its suggestion.",
      discussion:
        "The dashboard draws the curve and asks (y uses the suggestion, n keeps --lr); headless, the run trains with it."
    ))
  var lrFind = false

  @Option(
    name: .customLong("resume"),
    help: ArgumentHelp(
      "Continue the run in this folder from its last completed epoch (its resume.bin), appending to its log.",
      discussion:
        "Flags not given come from the run; --epochs, --early-stop and --no-early-stop may change.",
      valueName: "run-dir"))
  var resumeDirectory: String?

  mutating func run() throws {
    if lrFind && resumeDirectory != nil {
      throw CommandFailure(
        "--lr-find: a resumed run keeps its learning rate; pause it and press L to run the range test from its current weights"
      )
    }
    let plan = try resumeDirectory.map {
      try ResumePlan.load(
        directory: $0, arguments: ResumePlan.trainArguments(CommandLine.arguments))
    }
    // A resumed run's flags are the run's own, merged with the display flags given now.
    let options = plan?.options ?? self.options
    let setup = try TrainSetup(options)
    if let threads = options.threads { BLAS.setThreadCount(threads) }
    let terminal =
      options.headless || options.json
      ? (headless: true, note: nil) : TerminalCheck.dashboardProblem()
    let headless = terminal.headless
    let printer = HeadlessPrinter(toStandardError: options.json || !headless)
    if let note = terminal.note { printer.line("note: \(note)") }
    let data = try DataFlags.load(options)
    try TrainMetrics.checkMonitor(setup, data: data)
    let runDirectory =
      plan?.directory ?? options.runDir
      ?? RunLogWriter.defaultDirectory(parent: "dltop-runs", dataset: data.name, date: Date())
    if !options.noRunLog && plan == nil {
      try RunDirectoryCheck.prepare(
        runDirectory, flag: options.runDir == nil ? "run folder" : "--run-dir")
    }
    var recorded = options
    if recorded.data == nil { recorded.data = data.name }
    let job = TrainingJob(
      setup: setup, data: data, run: RunDescriptionBuilder.make(setup: setup, data: data),
      runDirectory: runDirectory, writesRunLog: !options.noRunLog,
      rangeTest: lrFind ? RangeTestPhase(asks: !headless) : nil,
      recordedArguments: recorded.recordedArguments, resume: plan)
    if let plan {
      try plan.checkEarlyStopping(job)
      printer.line(
        "resuming \(plan.directory) after epoch \(plan.state.completedEpochs) of \(setup.epochs)"
          + plan.notes.map { "; \($0)" }.joined())
    }
    let snapshots = SnapshotWriter(
      parent: options.snapshotDir ?? (options.noRunLog ? "." : runDirectory))
    let theme = try ThemeChoice.load(options.theme)
    if headless {
      for note in data.notes { printer.line("data: \(note)") }
      for warning in data.warnings { printer.line("warning: \(warning)") }
      let session = EngineSession(run: job.run)
      let outcome = runHeadless(job, session: session, printer: printer)
      try report(
        outcome, job: job, link: session.link, theme: theme, snapshots: snapshots, printer: printer)
    } else {
      let (outcome, link) = try MainActor.assumeIsolated {
        try DashboardRunner.train(job, theme: theme, snapshots: snapshots)
      }
      try report(
        outcome, job: job, link: link, theme: theme, snapshots: snapshots,
        printer: HeadlessPrinter(toStandardError: false))
    }
  }

  private func runHeadless(_ job: TrainingJob, session: EngineSession, printer: HeadlessPrinter)
    -> TrainOutcome
  {
    let trap = SignalTrap()
    let observer = RunObserver(
      epochFinished: { record, total, speed in
        printer.epoch(record, of: total, samplesPerSecond: speed)
      },
      newVerdict: { verdict in printer.verdict(verdict) },
      message: { text in printer.line(text) })
    session.start(job, observer: observer)
    var stopSent: Int32?
    while true {
      if var outcome = session.wait(timeout: 0.05) {
        outcome.signal = stopSent
        return outcome
      }
      if let signal = trap.signal, stopSent == nil {
        stopSent = signal
        printer.line("stopping: received signal \(signal); finishing the current batch")
        session.link.send(.stop(reason: TrainOutcome.interrupted))
      }
    }
  }

  private func report(
    _ outcome: TrainOutcome, job: TrainingJob, link: EngineLink, theme: Theme,
    snapshots: SnapshotWriter,
    printer: HeadlessPrinter
  ) throws {
    if options.snapshotOnExit {
      let snapshot = link.latest()
      let screen = MainActor.assumeIsolated { SnapshotWriter.renderScreen(snapshot, theme: theme) }
      printer.line(snapshots.write(screenText: screen, snapshot: snapshot))
    }
    if options.json {
      print(TrainReport.document(job: job, outcome: outcome).serialized())
    } else {
      FinalSummary.print(outcome, job: job, printer: printer)
    }
    if let failure = outcome.failure { throw CommandFailure(failure) }
    // The shell's convention for a process ended by a signal: 128 + its number (130, 143).
    if let signal = outcome.signal { throw ExitCode(128 + signal) }
  }
}

/// An error whose text is the whole message (ArgumentParser prints "Error: <text>", exit 1).
struct CommandFailure: Error, CustomStringConvertible {
  let description: String
  init(_ message: String) { description = message }
}
