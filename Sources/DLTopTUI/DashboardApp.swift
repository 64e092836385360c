import DLTopMonitor

/// The dashboard's run loop on the main thread: read a key (waiting at most ~50 ms), apply it,
/// and redraw only when the snapshot's generation, the view state or the terminal size changed.
///
/// It never blocks on training: `EngineLink.latest()` copies the snapshot under a short lock and
/// drawing happens outside it. The terminal is restored on every way out (`defer`).
@MainActor
package final class DashboardApp {
  /// Why `run` returned.
  package enum ExitReason: Sendable, Equatable {
    /// The user quit (q, confirmed while training ran; a `.stop` was sent to a live run).
    case userQuit
    /// `shouldExit` became true (the executable sets it on SIGINT/SIGTERM).
    case interrupted
  }

  private let link: EngineLink
  private let onCommand: (EngineCommand) -> Void
  private let onSnapshotRequest: (String, TrainingSnapshot) -> String
  private let shouldExit: () -> Bool
  package let dashboard: Dashboard
  /// Frames drawn so far (for tests and the benchmark).
  package private(set) var framesDrawn = 0

  /// - Parameters:
  ///   - link: where snapshots come from.
  ///   - theme: the theme as loaded; the backend adapts it to the terminal's colours and locale.
  ///   - onCommand: receives every command a key produces (default: `link.send`).
  ///   - onSnapshotRequest: writes a snapshot for the `s` key from the screen text and the
  ///     snapshot, and returns the message to show ("snapshot written to …" or the error).
  ///   - shouldExit: polled every loop turn; true makes `run` return `.interrupted`.
  package init(
    link: EngineLink, theme: Theme = .standard, onCommand: ((EngineCommand) -> Void)? = nil,
    onSnapshotRequest: @escaping (String, TrainingSnapshot) -> String,
    shouldExit: @escaping () -> Bool = { false }
  ) {
    self.link = link
    self.onCommand = onCommand ?? { link.send($0) }
    self.onSnapshotRequest = onSnapshotRequest
    self.shouldExit = shouldExit
    dashboard = Dashboard(snapshot: link.latest(), theme: theme)
  }

  /// Opens the terminal with `CursesBackend`, runs until the user quits or `shouldExit`, and
  /// restores the terminal on every way out.
  /// - Throws: `CursesBackend.Failure` when the terminal cannot be opened.
  package func run() throws -> ExitReason {
    let backend = try CursesBackend()
    defer { backend.shutdown() }
    dashboard.theme = backend.adapt(dashboard.theme)
    return run(on: backend)
  }

  /// The loop itself, on any backend (tests use `MemoryBackend`).
  package func run(on backend: TerminalBackend) -> ExitReason {
    defer { backend.shutdown() }
    if !backend.unicode { dashboard.theme = dashboard.theme.withSymbols(.asciiSet) }
    var drawnGeneration: UInt64?
    var drawnViewGeneration: UInt64?
    var drawnSize = (width: -1, height: -1)
    var screenText = ""
    // After a command, poll every 5 ms for a while so the engine's answer (PAUSED, the new lr)
    // shows within a frame or two instead of after the next 50 ms timeout.
    var fastTurns = 0
    while true {
      if shouldExit() { return .interrupted }
      if fastTurns > 0 {
        fastTurns -= 1
        if fastTurns == 0 { backend.setInputTimeout(milliseconds: 50) }
      }
      if let key = backend.readKey() {
        let generation = link.generation
        if generation != dashboard.snapshot.generation { dashboard.update(snapshot: link.latest()) }
        for effect in dashboard.handle(key: key) {
          switch effect {
          case .send(let command):
            onCommand(command)
            if fastTurns == 0 { backend.setInputTimeout(milliseconds: 5) }
            fastTurns = 60
          case .requestSnapshot:
            dashboard.show(message: onSnapshotRequest(screenText, dashboard.snapshot))
          case .quit:
            if dashboard.snapshot.run.controllable && dashboard.snapshot.status.isLive {
              onCommand(.stop(reason: "quit from the dashboard"))
            }
            return .userQuit
          case .redraw:
            backend.invalidate()
            drawnGeneration = nil
          case .suspend:
            backend.suspend()
            backend.invalidate()
            drawnGeneration = nil
          }
        }
        if key == .resize { drawnGeneration = nil }
      }
      dashboard.tick()
      let size = backend.size
      let generation = link.generation
      guard
        generation != drawnGeneration || dashboard.generation != drawnViewGeneration
          || size.width != drawnSize.width || size.height != drawnSize.height
      else { continue }
      let grid = dashboard.render(snapshot: link.latest(), size: size)
      backend.draw(grid)
      framesDrawn += 1
      screenText = grid.screenText
      drawnGeneration = dashboard.snapshot.generation
      drawnViewGeneration = dashboard.generation
      drawnSize = size
    }
  }
}
