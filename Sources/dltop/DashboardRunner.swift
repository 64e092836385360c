import DLTopMonitor
import DLTopTUI
import Foundation

/// Runs the full-screen dashboard on the main thread while a session trains or watches on its own
/// queue; restores the terminal on every way out, signals included.
@MainActor
enum DashboardRunner {
  /// Trains `job` with the dashboard open; returns when the user quits (a live run is stopped
  /// first) or a signal arrives.
  static func train(_ job: TrainingJob, theme: Theme, snapshots: SnapshotWriter) throws -> (
    TrainOutcome, EngineLink
  ) {
    let session = EngineSession(run: job.run)
    let trap = SignalTrap()
    session.start(job, observer: RunObserver())
    let app = DashboardApp(
      link: session.link, theme: theme,
      onSnapshotRequest: { screen, snapshot in
        snapshots.write(screenText: screen, snapshot: snapshot)
      },
      shouldExit: { trap.signal != nil })
    let reason: DashboardApp.ExitReason
    do {
      reason = try app.run()
    } catch {
      session.link.send(.stop(reason: "the terminal could not be opened"))
      _ = session.wait()
      throw CommandFailure("cannot open the dashboard: \(error) (use --headless)")
    }
    if session.outcome == nil {
      session.link.send(
        .stop(reason: reason == .interrupted ? TrainOutcome.interrupted : "quit from the dashboard")
      )
    }
    var outcome = session.wait()
    if reason == .interrupted { outcome.signal = trap.signal }
    return (outcome, session.link)
  }
}
