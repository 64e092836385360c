import DLTopMonitor
import Dispatch

/// Runs one training job on a background queue (DESIGN.md, "Threads"); the main thread talks to
/// it only through `link`.
final class EngineSession: Sendable {
  let link: EngineLink
  private let queue = DispatchQueue(label: "dltop.engine", qos: .userInitiated)
  private let done = DispatchSemaphore(value: 0)
  private let result = LockedBox<TrainOutcome?>(nil)

  init(run: RunDescription) {
    link = EngineLink(run: run)
  }

  /// Starts training; returns at once. The `Trainer` is created on the queue, never shared.
  func start(_ job: TrainingJob, observer: RunObserver) {
    queue.async { [link, result, done] in
      let outcome: TrainOutcome
      do {
        let loop = try TrainingLoop(job: job, link: link, observer: observer)
        outcome = loop.run()
      } catch {
        var failed = TrainOutcome()
        failed.failure = "\(error)"
        failed.stopReason = "failed"
        link.publish { $0.status = .failed(message: "\(error)") }
        outcome = failed
      }
      result.set(outcome)
      done.signal()
    }
  }

  /// The outcome once training ended, without waiting.
  var outcome: TrainOutcome? { result.get() }

  /// Blocks until training ends.
  func wait() -> TrainOutcome {
    done.wait()
    done.signal()
    return result.get() ?? TrainOutcome()
  }
}
