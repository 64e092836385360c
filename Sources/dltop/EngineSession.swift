import DLTopMonitor
import Dispatch
import Synchronization

/// Runs one training job on a background queue (DESIGN.md, "Threads"); the main thread talks to
/// it only through `link`.
final class EngineSession: Sendable {
  let link: EngineLink
  private let queue = DispatchQueue(label: "dltop.engine", qos: .userInitiated)
  private let done = DispatchSemaphore(value: 0)
  private let result = Mutex<TrainOutcome?>(nil)

  init(run: RunDescription) {
    link = EngineLink(run: run)
  }

  /// Starts training; returns at once. The `Trainer` and the run's `RunRecorder` are created on
  /// the queue, never shared.
  func start(_ job: TrainingJob, observer: RunObserver) {
    queue.async { [self] in
      // A resumed run's clock goes on from where the run stopped.
      let offset = job.resume?.state.elapsedSeconds ?? 0
      let start = ContinuousClock.now
      let recorder = RunRecorder(
        run: job.run, options: TrainerFactory.recorderOptions(job), link: link,
        elapsed: { offset + (ContinuousClock.now - start) / .seconds(1) })
      var outcome: TrainOutcome
      do {
        var job = job
        var preface: RangeTestPhase.Outcome?
        if let phase = job.rangeTest {
          let found = try phase.run(
            setup: job.setup, data: job.data, weights: nil, currentRate: job.setup.learningRate,
            link: link, recorder: recorder)
          if found.accepted, let rate = found.suggested {
            job = job.adopting(learningRate: rate)
            recorder.describe(job.run)
          }
          preface = found
        }
        let loop = try TrainingLoop(job: job, link: link, observer: observer, recorder: recorder)
        loop.preface = preface
        outcome = loop.run()
        outcome.rangeTest = preface
      } catch {
        var failed = TrainOutcome()
        failed.failure = "\(error)"
        failed.stopReason = "failed"
        recorder.setStatus(.failed(message: "\(error)"))
        outcome = failed
      }
      result.withLock { $0 = outcome }
      done.signal()
    }
  }

  /// The outcome once training ended, without waiting.
  var outcome: TrainOutcome? { result.withLock { $0 } }

  /// Blocks until training ends, or until `timeout` seconds pass.
  /// - Returns: the outcome, or nil on timeout.
  func wait(timeout: Double) -> TrainOutcome? {
    guard done.wait(timeout: .now() + timeout) == .success else { return nil }
    done.signal()
    return outcome
  }

  /// Blocks until training ends.
  func wait() -> TrainOutcome {
    done.wait()
    done.signal()
    return outcome ?? TrainOutcome()
  }
}
