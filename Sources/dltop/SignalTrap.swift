import Dispatch
import Foundation
import Synchronization

/// Turns SIGINT and SIGTERM into a flag the main loop polls, so the terminal is restored by normal
/// code paths (btop's handlers only set flags).
///
/// The signals are ignored at the process level and delivered to a `DispatchSource` on a global
/// queue; `.main` would never run while the main thread blocks in `wget_wch`.
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
    return value == 0 ? nil : value
  }

  init(signals: [Int32] = [SIGINT, SIGTERM], onSignal: (@Sendable (Int32) -> Void)? = nil) {
    var made: [any DispatchSourceSignal] = []
    for number in signals {
      Foundation.signal(number, SIG_IGN)
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
