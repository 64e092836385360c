import Dispatch
import Foundation
import Synchronization

/// The first SIGINT or SIGTERM that reached the process-level handler `SignalTrap` installs at
/// once. libdispatch registers a signal source later, on its own thread; with only `SIG_IGN` in
/// place until then, a signal in between was discarded (a `kill` right after the first epoch line
/// let the run go on to its last epoch).
private let firstSignalSeen = Atomic<Int32>(0)

/// Turns SIGINT and SIGTERM into a flag the main loop polls, so the terminal is restored by normal
/// code paths (btop's handlers only set flags).
///
/// The signals are delivered to a `DispatchSource` on a global queue (`.main` would never run while
/// the main thread blocks in `wget_wch`) and, until libdispatch has registered it, to a
/// process-level handler that only records them; `onSignal` runs for the first kind only, so a
/// caller that waits for it also polls `signal`.
final class SignalTrap: Sendable {
  /// Holds the first signal number; a class so the handler closure can capture it (`Atomic` is
  /// not copyable).
  private final class Flag: Sendable {
    let value = Atomic<Int32>(0)
  }
  private let received = Flag()
  /// Kept only so the sources stay alive; never read or mutated after `init`, so sharing the
  /// reference across threads is safe.
  nonisolated(unsafe) private let sources: [any DispatchSourceSignal]

  /// The first signal received, or nil.
  var signal: Int32? {
    let value = received.value.load(ordering: .acquiring)
    if value != 0 { return value }
    let early = firstSignalSeen.load(ordering: .acquiring)
    return early == 0 ? nil : early
  }

  init(signals: [Int32] = [SIGINT, SIGTERM], onSignal: (@Sendable (Int32) -> Void)? = nil) {
    var made: [any DispatchSourceSignal] = []
    for number in signals {
      // Only an atomic store: async-signal-safe. (A closure that captures nothing is a C
      // function pointer; glibc's `signal` restarts interrupted reads, as SIG_IGN did not need.)
      Foundation.signal(number) { caught in
        _ = firstSignalSeen.compareExchange(
          expected: 0, desired: caught, ordering: .acquiringAndReleasing)
      }
      let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
      source.setEventHandler { @Sendable [received] in
        _ = received.value.compareExchange(
          expected: 0, desired: number, ordering: .acquiringAndReleasing)
        onSignal?(number)
      }
      source.resume()
      made.append(source)
    }
    sources = made
  }
}
