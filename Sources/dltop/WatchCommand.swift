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
    abstract: "Follow training that runs elsewhere: Keras CSV, Lightning metrics.csv, JSON lines, TensorBoard events, dltop run logs; an Optuna study (its SQLite file) in the search view.",
    discussion: "A folder is searched recursively; every run found is listed in the run picker (key r).")

  @Argument(help: "A log file or a folder of runs.")
  var path: String

  @Flag(help: "No dashboard: print each new epoch and each new verdict as a line (automatic when stdout is not a terminal).")
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

  mutating func run() throws {
    guard FileManager.default.fileExists(atPath: path) else { throw CommandFailure("\(path): no such file or folder") }
    guard patience >= 0 else { throw CommandFailure("--patience: must be ≥ 0, got \(patience)") }
    guard interval > 0 else { throw CommandFailure("--interval: must be > 0 seconds, got \(interval)") }
    if OptunaStudyReader.isOptunaStudy(path) {
      let headless = self.headless || isatty(STDOUT_FILENO) == 0 || isatty(STDIN_FILENO) == 0
      try OptunaWatch.run(path: path, interval: max(1, interval), headless: headless, theme: theme)
      return
    }
    var stopping = EarlyStopping.Options()
    stopping.patience = patience
    let terminal = headless ? (headless: true, note: nil) : TerminalCheck.dashboardProblem()
    if let note = terminal.note { FileHandle.standardError.write(Data("note: \(note)\n".utf8)) }
    let interactive = !terminal.headless
    if interactive {
      let theme = try ThemeChoice.load(self.theme)
      let snapshots = SnapshotWriter(parent: snapshotDir)
      let path = self.path
      let configuration = Self.configuration(interval: interval, stopping: stopping, monitor: monitor)
      try MainActor.assumeIsolated {
        try WatchDashboard.run(path: path, configuration: configuration, theme: theme, snapshots: snapshots)
      }
    } else {
      followHeadless(stopping: stopping)
    }
  }

  /// Prints each settled epoch, each new verdict and the early-stopping advice until SIGINT or SIGTERM.
  private func followHeadless(stopping: EarlyStopping.Options) {
    let printer = HeadlessPrinter(toStandardError: false)
    let link = WatchSession.makeLink(path: path)
    var isDirectory: ObjCBool = false
    let isFolder = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    let announced = Mutex<Set<String>>([])
    let session = WatchSession(
      path: path, link: link, configuration: Self.configuration(interval: interval, stopping: stopping, monitor: monitor),
      onNewEpoch: { run, record in
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
    printer.line("watching \(path) (Ctrl-C to stop; advice only: dltop cannot steer this run)")
    session.start()
    if trap.signal == nil { stopped.wait() }
    session.stop()
  }

  private static func reason(_ status: RunStatus) -> String {
    switch status {
    case .finished(let reason), .stopped(let reason), .failed(let reason): reason.isEmpty ? "" : " (\(reason))"
    case .diverged(let epoch): " at epoch \(epoch)"
    default: ""
    }
  }

  /// The session's settings: poll interval, and the recorder's early-stopping advice.
  static func configuration(interval: Double, stopping: EarlyStopping.Options, monitor: String?) -> WatchSession.Configuration {
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
    let session = WatchSession(path: path, link: link, configuration: configuration)
    let trap = SignalTrap()
    session.start()
    defer { session.stop() }
    let app = DashboardApp(
      link: link, theme: theme,
      onCommand: { command in
        if case .selectRun(let index) = command { session.select(runIndex: index) }
      },
      onSnapshotRequest: { screen, snapshot in snapshots.write(screenText: screen, snapshot: snapshot) },
      shouldExit: { trap.signal != nil })
    do {
      _ = try app.run()
    } catch {
      throw CommandFailure("cannot open the dashboard: \(error) (use --headless)")
    }
  }
}
