import ArgumentParser
import Foundation
import Synchronization

/// A duration on the command line: seconds (`90`, `2.5`) or with a unit (`90s`, `5m`, `1h`).
struct DurationArgument: ExpressibleByArgument, Sendable, Equatable {
  var seconds: Double

  init(seconds: Double) { self.seconds = seconds }

  init?(argument: String) {
    let text = argument.trimmingCharacters(in: .whitespaces).lowercased()
    let units: [(suffix: String, factor: Double)] = [
      ("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600),
    ]
    var factor = 1.0
    var number = Substring(text)
    for unit in units where text.hasSuffix(unit.suffix) {
      factor = unit.factor
      number = text.dropLast(unit.suffix.count)
      break
    }
    guard let value = Double(number), value.isFinite, value > 0 else { return nil }
    seconds = value * factor
  }

  static var defaultCompletionKind: CompletionKind { .default }
}

extension DurationArgument: CustomStringConvertible {
  /// `90s`, `5m`, `1.5h`: the largest unit that gives a round number, else seconds.
  var description: String {
    if seconds >= 3600, (seconds / 3600).rounded() == seconds / 3600 {
      return "\(Int(seconds / 3600))h"
    }
    if seconds >= 60, (seconds / 60).rounded() == seconds / 60 { return "\(Int(seconds / 60))m" }
    return seconds.rounded() == seconds ? "\(Int(seconds))s" : "\(seconds)s"
  }
}

/// When the watched run last produced an epoch, for `--exit-when-idle` (shared with the
/// session's callback queue).
final class IdleClock: Sendable {
  private let start = ContinuousClock.now
  private let last = Mutex<ContinuousClock.Instant?>(nil)

  func noteActivity() { last.withLock { $0 = ContinuousClock.now } }

  func secondsSinceActivity() -> Double {
    let since = ContinuousClock.now - (last.withLock { $0 } ?? start)
    return Double(since.components.seconds) + Double(since.components.attoseconds) * 1e-18
  }
}
