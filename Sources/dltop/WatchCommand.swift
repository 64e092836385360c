import ArgumentParser
import DLTopMonitor
import DLTopTUI
import Dispatch
import Foundation
import Synchronization

/// `dltop watch PATH`: follows training that runs elsewhere with the same dashboard, diagnosis and
/// early-stopping advice (advice only: dltop cannot steer a foreign process).
struct WatchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "watch",
    abstract:
      "Follow training that runs elsewhere: Keras CSV, Lightning metrics.csv, JSON lines, TensorBoard events, dltop run logs; an Optuna study (its SQLite file) in the search view.",
    discussion:
      "A folder is searched recursively; every run found is listed in the run picker (key r).")

  @Argument(
    help:
      "A log file or a folder of runs, or [user@]host:path on another machine (read through ssh).")
  var path: String

  @Option(
    help:
      "Keep the local copy of a remote run (host:path) in this folder (default: a temporary folder removed at exit)."
  )
  var mirror: String?

  @Flag(
    help:
      "No dashboard: print each new epoch and each new verdict as a line (automatic when stdout is not a terminal)."
  )
  var headless = false

  @Option(help: "Early-stopping patience for the advice.")
  var patience = 20

  @Option(help: "The metric the early-stopping advice watches (default val_loss, else loss).")
  var monitor: String?

  @Option(help: "Seconds between polls of the files.")
  var interval = 0.2

  @Option(help: "Folder that receives snapshot folders (key s).")
  var snapshotDir = "."

  @Option(help: "Dashboard theme: default, light, high-contrast, monochrome, or a theme file path.")
  var theme = "default"

  @Flag(
    help:
      "Read what the logs hold now, print it with the diagnosis, and exit with the verdict's status (0 healthy, 2 no epoch yet, 3 overfitting, 4 underfitting, 5 divergence, 6 oscillation, 7 plateau)."
  )
  var once = false

  @Option(
    help:
      "Headless: exit when no new epoch arrived for this long (90, 90s, 5m, 1h), with the verdict's status as for --once."
  )
  var exitWhenIdle: DurationArgument?

  mutating func run() throws {
    var remote: RemoteRun.Following?
    if let remotePath = RemoteRun.remotePath(path) {
      let interactive = !headless && isatty(STDOUT_FILENO) != 0 && isatty(STDIN_FILENO) != 0
      remote = try RemoteRun.follow(remotePath, keepIn: mirror, interval: interval) { text in
        if !interactive { print("warning: \(text)") }
      }
      if !interactive {
        print("following \(remotePath) through ssh; local copy in \(remote?.mirror.folder ?? "")")
      }
      path = remote?.mirror.localPath ?? path
    }
    defer { remote?.stop() }
    if once {
      let status = try WatchOnce.run(
        path: path, patience: patience, monitor: monitor,
        printer: HeadlessPrinter(toStandardError: false))
      throw ExitCode(status)
    }
    guard patience >= 0 else { throw CommandFailure("--patience: must be ≥ 0, got \(patience)") }
    guard interval > 0 else {
      throw CommandFailure("--interval: must be > 0 seconds, got \(interval)")
    }
    if OptunaStudyReader.isOptunaStudy(path) {
      let headless = self.headless || isatty(STDOUT_FILENO) == 0 || isatty(STDIN_FILENO) == 0
      try OptunaWatch.run(path: path, interval: max(1, interval), headless: headless, theme: theme)
      return
    }
    var stopping = EarlyStopping.Options()
    stopping.patience = patience
    let terminal =
      headless || exitWhenIdle != nil
      ? (headless: true, note: nil) : TerminalCheck.dashboardProblem()
    if let note = terminal.note { FileHandle.standardError.write(Data("note: \(note)\n".utf8)) }
    let interactive = !terminal.headless
    if interactive {
      let theme = try ThemeChoice.load(self.theme)
      let snapshots = SnapshotWriter(parent: snapshotDir)
      let path = self.path
      let configuration = Self.configuration(
        interval: interval, stopping: stopping, monitor: monitor)
      try MainActor.assumeIsolated {
        try WatchDashboard.run(
          path: path, configuration: configuration, theme: theme, snapshots: snapshots)
      }
    } else {
      let status = followHeadless(stopping: stopping)
      if status != 0 { throw ExitCode(status) }
    }
  }

  /// Prints each settled epoch, each new verdict and the early-stopping advice until SIGINT or
  /// SIGTERM, or until no epoch arrived for `--exit-when-idle`; then returns the exit status (the
  /// verdict's with that flag, else 0).
  private func followHeadless(stopping: EarlyStopping.Options) -> Int32 {
    let printer = HeadlessPrinter(toStandardError: false)
    let link = WatchSession.makeLink(path: path)
    var isDirectory: ObjCBool = false
    let isFolder =
      FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
      && isDirectory.boolValue
    let announced = Mutex<Set<String>>([])
    let idle = IdleClock()
    let session = WatchSession(
      path: path, link: link,
      configuration: Self.configuration(interval: interval, stopping: stopping, monitor: monitor),
      onNewEpoch: { run, record in
        idle.noteActivity()
        if announced.withLock({ $0.insert(run).inserted }) { printer.line("run found: \(run)") }
        let prefix = isFolder ? "[\(run)] " : ""
        printer.line(prefix + HeadlessPrinter.epochText(record, of: nil, samplesPerSecond: nil))
      },
      onIssue: { issue in printer.line("warning: \(issue)") },
      onDecision: { _, decision in
        decision.announcements.forEach(printer.verdict)
        if let stop = decision.stop { printer.line("advice: \(stop.reason)") }
      },
      onRunEnded: { run, status in
        let prefix = isFolder ? "[\(run)] " : ""
        printer.line(prefix + "the run ended: \(status.label.lowercased())" + Self.reason(status))
      })
    let stopped = DispatchSemaphore(value: 0)
    let trap = SignalTrap(onSignal: { _ in stopped.signal() })
    if !FileManager.default.fileExists(atPath: path) {
      printer.line("waiting for \(path) to appear")
    }
    printer.line("watching \(path) (Ctrl-C to stop; advice only: dltop cannot steer this run)")
    session.start()
    guard let limit = exitWhenIdle?.seconds else {
      // Polled as well: a signal that came before libdispatch registered its source is only in
      // `trap.signal`.
      while trap.signal == nil { _ = stopped.wait(timeout: .now() + 0.2) }
      session.stop()
      return 0
    }
    while trap.signal == nil && idle.secondsSinceActivity() < limit {
      _ = stopped.wait(timeout: .now() + 0.1)
    }
    session.stop()
    guard trap.signal == nil else { return 0 }
    let snapshot = link.latest()
    let status = VerdictExitStatus.status(of: snapshot.verdicts, epochs: snapshot.epochs.count)
    printer.line("idle for \(DurationArgument(seconds: limit).description): exit status \(status)")
    return status
  }

  private static func reason(_ status: RunStatus) -> String {
    switch status {
    case .finished(let reason), .stopped(let reason), .failed(let reason):
      reason.isEmpty ? "" : " (\(reason))"
    case .diverged(let epoch): " at epoch \(epoch)"
    default: ""
    }
  }

  /// The session's settings: poll interval, and the recorder's early-stopping advice.
  static func configuration(interval: Double, stopping: EarlyStopping.Options, monitor: String?)
    -> WatchSession.Configuration
  {
    var configuration = WatchSession.Configuration()
    configuration.pollInterval = interval
    configuration.recorder.earlyStopping = stopping
    configuration.recorder.monitor = monitor
    return configuration
  }
}

/// The dashboard over a `WatchSession`.
@MainActor
enum WatchDashboard {
  static func run(
    path: String, configuration: WatchSession.Configuration, theme: Theme, snapshots: SnapshotWriter
  ) throws {
    let link = WatchSession.makeLink(path: path)
    // The selected run first, the others in the background: a folder of 200 runs opens at once.
    var configuration = configuration
    configuration.backgroundBytesPerRound = WatchSession.Configuration.dashboardBackgroundBytes
    let session = WatchSession(path: path, link: link, configuration: configuration)
    let trap = SignalTrap()
    session.start()
    defer { session.stop() }
    let app = DashboardApp(
      link: link, theme: theme,
      onCommand: { command in
        if case .selectRun(let index) = command { session.select(runIndex: index) }
      },
      onSnapshotRequest: { screen, snapshot in
        snapshots.write(screenText: screen, snapshot: snapshot)
      },
      shouldExit: { trap.signal != nil })
    do {
      _ = try app.run()
    } catch {
      throw CommandFailure("cannot open the dashboard: \(error) (use --headless)")
    }
  }
}
