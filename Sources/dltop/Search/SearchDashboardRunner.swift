import DLTopMonitor
import DLTopTUI
import Foundation

/// The search dashboard's loop on the main thread: keys in, frames out, while the search runs on
/// its own queues. Stays open after the search finished until q. Enter leaves the search view for
/// the normal dashboard on one trial's run log (as `dltop watch` shows it) and comes back on q.
@MainActor
enum SearchDashboardRunner {
  /// - Parameters:
  ///   - isRunning: whether the search still runs (the clock ticks until it ends).
  ///   - controllable: false for a study dltop only reads (Optuna): the steering keys say so.
  static func run(
    link: StudyLink, isRunning: @escaping () -> Bool, controllable: Bool = true, theme: Theme,
    folder: String,
    started: ContinuousClock.Instant
  ) throws {
    let trap = SignalTrap()
    var view = SearchView(theme: theme)
    var backend: CursesBackend
    do {
      backend = try CursesBackend()
    } catch {
      link.send(.stopSearch)
      throw CommandFailure("cannot open the dashboard: \(error) (use --headless)")
    }
    view.theme = backend.adapt(theme)
    if !backend.unicode { view.theme = view.theme.withSymbols(.asciiSet) }
    defer { backend.shutdown() }
    var drawnGeneration: UInt64?
    var drawnSize = (width: -1, height: -1)
    var screenText = ""
    var lastClock = -1
    while trap.signal == nil {
      var snapshot = link.latest()
      if let key = backend.readKey() {
        switch view.handle(key, snapshot: snapshot) {
        case .send(let command)?:
          if controllable {
            link.send(command)
          } else {
            view.message = "read-only: dltop cannot pause or stop trials of a study it does not run"
          }
        case .quit?:
          if controllable && isRunning() { link.send(.stopSearch) }
          return
        case .openTrial(let directory)?:
          backend.shutdown()
          do {
            try WatchDashboard.run(
              path: directory,
              configuration: WatchCommand.configuration(
                interval: 0.2, stopping: EarlyStopping.Options(), monitor: nil),
              theme: theme, snapshots: SnapshotWriter(parent: directory))
          } catch {
            view.message = "\(error)"
          }
          backend = try CursesBackend()
          view.theme = backend.adapt(theme)
          if !backend.unicode { view.theme = view.theme.withSymbols(.asciiSet) }
        case .requestSnapshot?:
          view.message = writeSnapshot(screenText, snapshot: snapshot, folder: folder)
        case .redraw?:
          backend.invalidate()
        case nil:
          break
        }
        drawnGeneration = nil
      }
      let seconds = Int(started.duration(to: .now).components.seconds)
      if isRunning() && seconds != lastClock {
        lastClock = seconds
        link.publish { $0.elapsedSeconds = Double(seconds) }
      }
      snapshot = link.latest()
      let size = backend.size
      guard
        snapshot.generation != drawnGeneration || size.width != drawnSize.width
          || size.height != drawnSize.height
      else { continue }
      let grid = view.render(snapshot, width: size.width, height: size.height)
      backend.draw(grid)
      screenText = grid.screenText
      drawnGeneration = snapshot.generation
      drawnSize = size
    }
    if controllable { link.send(.stopSearch) }
  }

  /// Writes `snapshot-<date>-<time>/` in the search folder: the screen and `trials.csv`.
  private static func writeSnapshot(_ screen: String, snapshot: SearchSnapshot, folder: String)
    -> String
  {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.dateFormat = "yyyyMMdd-HHmmss"
    var target = (folder as NSString).appendingPathComponent(
      "snapshot-\(formatter.string(from: Date()))")
    var suffix = 2
    while FileManager.default.fileExists(atPath: target) {
      target = (folder as NSString).appendingPathComponent(
        "snapshot-\(formatter.string(from: Date()))-\(suffix)")
      suffix += 1
    }
    do {
      try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
      try (screen + "\n").write(
        toFile: (target as NSString).appendingPathComponent("screen.txt"), atomically: true,
        encoding: .utf8)
      try SearchFiles.csv(snapshot).write(
        toFile: (target as NSString).appendingPathComponent("trials.csv"), atomically: true,
        encoding: .utf8)
      return "snapshot written to \(target)"
    } catch {
      return "snapshot failed: \(error.localizedDescription)"
    }
  }
}
