import Dispatch
import Foundation
import Synchronization

/// Re-reads an Optuna study every `interval` seconds on its own queue and publishes it into a
/// `StudyLink`, so the search view follows a study that Optuna is still optimizing (on this
/// machine or, through a shared database file, on others).
package final class OptunaStudyFollower: Sendable {
  package let link: StudyLink
  private let path: String
  private let interval: Double
  private let queue = DispatchQueue(label: "dltop.optuna", qos: .utility)
  private let stopped = Atomic<Bool>(false)

  /// Reads the study once (so the link starts with it) and prepares the follower.
  /// - Throws: `OptunaStudyReader.Failure` when the file is not a readable Optuna study.
  package init(path: String, interval: Double = 1) throws {
    self.path = path
    self.interval = interval
    let first = try OptunaStudyReader.read(path: path)
    link = StudyLink(first)
  }

  package func start() { scheduleNextPoll() }

  /// One re-read `interval` seconds from now, which schedules the next (a timer, not a sleep loop).
  private func scheduleNextPoll() {
    queue.asyncAfter(deadline: .now() + interval) { [self] in
      guard !stopped.load(ordering: .relaxed) else { return }
      poll()
      scheduleNextPoll()
    }
  }

  package func stop() { stopped.store(true, ordering: .relaxed) }

  private func poll() {
    do {
      let fresh = try OptunaStudyReader.read(path: path)
      link.publish { current in
        guard current.trials != fresh.trials || current.status != fresh.status else { return }
        current.trials = fresh.trials
        current.space = fresh.space
        current.roundSpaces = fresh.roundSpaces
        current.status = fresh.status
      }
    } catch {
      link.note("\(error)")
    }
  }
}
