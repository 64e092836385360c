import DLTopMonitor
import DLTopTUI
import Foundation

/// `dltop watch study.db` on an Optuna study: the search view, following the study as Optuna
/// writes it (read-only: the keys that steer a search say that dltop cannot steer Optuna).
enum OptunaWatch {
  static func run(path: String, interval: Double, headless: Bool, theme: String) throws {
    let follower: OptunaStudyFollower
    do {
      follower = try OptunaStudyFollower(path: path, interval: max(0.2, interval))
    } catch {
      throw CommandFailure("\(error)")
    }
    follower.start()
    defer { follower.stop() }
    if headless {
      followHeadless(follower.link)
      return
    }
    let themeValue = try ThemeChoice.load(theme)
    let started = ContinuousClock.now
    try MainActor.assumeIsolated {
      try SearchDashboardRunner.run(
        link: follower.link, isRunning: { true }, controllable: false, theme: themeValue,
        folder: FileManager.default.currentDirectoryPath, started: started)
    }
  }

  /// Prints every trial once it is known, and again whenever its state or epochs change.
  private static func followHeadless(_ link: StudyLink) {
    let printer = HeadlessPrinter(toStandardError: false)
    let trap = SignalTrap()
    var printed: [Int: String] = [:]
    let first = link.latest()
    printer.line(
      "\(first.title): \(first.space.parameters.map { "\($0.name) \($0.domain.summary)" }.joined(separator: ", "))"
    )
    while trap.signal == nil {
      let snapshot = link.latest()
      for trial in snapshot.trials.sorted(by: { $0.id < $1.id }) {
        let line = text(trial, snapshot: snapshot)
        if printed[trial.id] != line {
          printed[trial.id] = line
          printer.line(line)
        }
      }
      link.waitForChange(timeout: 0.2)
    }
  }

  static func text(_ trial: TrialSummary, snapshot: SearchSnapshot) -> String {
    let values = zip(snapshot.space.parameters, trial.values).map { "\($0.name)=\($1)" }.joined(
      separator: " ")
    let value = trial.validationLoss.map { String(format: "%.6g", $0) } ?? "-"
    return
      "trial \(trial.id) \(trial.status.rawValue) value \(value) steps \(trial.epochs.count)  \(values)"
  }
}
