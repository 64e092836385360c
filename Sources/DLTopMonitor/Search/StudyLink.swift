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

  /// Blocks while paused (checking every 100 ms), unless the search is stopped.
  package func waitWhilePaused() {
    while isPaused && !isSearchStopped { usleepShort() }
  }

  private func usleepShort() {
    _ = DispatchSemaphore(value: 0).wait(timeout: .now() + 0.1)
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
