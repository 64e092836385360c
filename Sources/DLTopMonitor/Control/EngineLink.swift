import Dispatch
import Synchronization

/// The only state the training queue and the main thread share: the latest snapshot, and an inbox
/// of commands for the training loop.
///
/// Both live behind `Mutex`, so no caller can forget the lock (NIO's `NIOLockedValueBox`). Readers
/// copy the snapshot out and draw without holding the lock.
package final class EngineLink: Sendable {
  private let snapshot: Mutex<TrainingSnapshot>
  private let inbox = Mutex<[EngineCommand]>([])
  private let wake = DispatchSemaphore(value: 0)

  package init(run: RunDescription) {
    snapshot = Mutex(TrainingSnapshot(run: run))
  }

  /// A link whose first snapshot is `first`.
  package init(snapshot first: TrainingSnapshot) {
    snapshot = Mutex(first)
  }

  /// Changes the snapshot under the lock and bumps its generation. Keep `update` short: no I/O.
  package func publish(_ update: (inout TrainingSnapshot) -> Void) {
    snapshot.withLock { current in
      update(&current)
      current.generation &+= 1
    }
  }

  /// Replaces the snapshot with `newer` (a `RunRecorder`'s) and bumps the generation.
  package func show(_ newer: TrainingSnapshot) {
    snapshot.withLock { current in
      let generation = current.generation &+ 1
      current = newer
      current.generation = generation
    }
  }

  /// A copy of the latest snapshot.
  package func latest() -> TrainingSnapshot { snapshot.withLock { $0 } }

  /// The generation of the latest snapshot, without copying it.
  package var generation: UInt64 { snapshot.withLock { $0.generation } }

  /// Queues a command for the training loop and wakes it if it waits.
  package func send(_ command: EngineCommand) {
    inbox.withLock { $0.append(command) }
    wake.signal()
  }

  /// Takes every queued command, oldest first.
  package func drain() -> [EngineCommand] {
    inbox.withLock { pending in
      defer { pending.removeAll() }
      return pending
    }
  }

  /// Blocks until a command arrives or `timeout` passes (used while paused).
  /// - Returns: whether a command may be waiting.
  @discardableResult
  package func waitForCommand(timeout seconds: Double) -> Bool {
    wake.wait(timeout: .now() + seconds) == .success
  }
}
