import Dispatch
import Synchronization

/// What the dashboard asks of a running search.
package enum SearchCommand: Sendable, Equatable {
  case pause
  case resume
  /// Stop one trial at its next batch (it keeps the epochs it finished).
  case stopTrial(id: Int)
  /// End the search: running trials stop, nothing new starts.
  case stopSearch
}

/// The state a search's worker queues and the dashboard share: the latest `SearchSnapshot` and
/// the commands sent from the keyboard, both behind `Mutex` (the `EngineLink` shape).
package final class StudyLink: Sendable {
  private let snapshot: Mutex<SearchSnapshot>
  private let control = Mutex(Control())
  /// Threads blocked in `waitForChange(timeout:)`, and the semaphore that wakes them (one
  /// signal each), so waiting for another trial or for "resume" needs no polling loop.
  private let waiters = Mutex(0)
  private let wake = DispatchSemaphore(value: 0)

  private struct Control: Sendable {
    var paused = false
    var stopSearch = false
    var stoppedTrials: Set<Int> = []
  }

  package init(_ initial: SearchSnapshot) {
    snapshot = Mutex(initial)
  }

  /// Changes the snapshot under the lock and bumps its generation. Keep `update` short: no I/O.
  package func publish(_ update: (inout SearchSnapshot) -> Void) {
    snapshot.withLock { current in
      update(&current)
      current.generation &+= 1
    }
    wakeWaiters()
  }

  /// A copy of the latest snapshot.
  package func latest() -> SearchSnapshot { snapshot.withLock { $0 } }

  package var generation: UInt64 { snapshot.withLock { $0.generation } }

  package func send(_ command: SearchCommand) {
    control.withLock { state in
      switch command {
      case .pause: state.paused = true
      case .resume: state.paused = false
      case .stopTrial(let id): state.stoppedTrials.insert(id)
      case .stopSearch:
        state.stopSearch = true
        state.paused = false
      }
    }
    wakeWaiters()
    let paused = isPaused
    publish { current in
      if case .finished = current.status { return }
      current.status = paused ? .paused : .running
    }
  }

  package var isPaused: Bool { control.withLock { $0.paused } }
  package var isSearchStopped: Bool { control.withLock { $0.stopSearch } }
  package func isTrialStopped(_ id: Int) -> Bool {
    control.withLock { $0.stoppedTrials.contains(id) }
  }

  /// Blocks while paused, unless the search is stopped; wakes on every command.
  package func waitWhilePaused() {
    while isPaused && !isSearchStopped { waitForChange(timeout: 1) }
  }

  /// Blocks until the snapshot or the commands change, or `timeout` seconds pass. A change that
  /// lands between a caller's check and this call is caught by the timeout, so callers re-check
  /// their condition in a loop.
  package func waitForChange(timeout seconds: Double) {
    waiters.withLock { $0 += 1 }
    guard wake.wait(timeout: .now() + seconds) == .timedOut else { return }
    // Timed out: withdraw, unless a waker already counted this thread (then take its signal).
    let withdrawn = waiters.withLock { count -> Bool in
      guard count > 0 else { return false }
      count -= 1
      return true
    }
    if !withdrawn { wake.wait() }
  }

  /// Threads blocked in `waitForChange(timeout:)` now (tests use it to know a worker is waiting).
  package var waiterCount: Int { waiters.withLock { $0 } }

  private func wakeWaiters() {
    let count = waiters.withLock { count in
      defer { count = 0 }
      return count
    }
    for _ in 0..<count { wake.signal() }
  }

  /// Adds an event line (keeps the newest 200).
  package func note(_ text: String) {
    publish { current in
      current.events.append(text)
      current.eventTotal += 1
      if current.events.count > 200 { current.events.removeFirst(current.events.count - 200) }
    }
  }
}
