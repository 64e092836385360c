import Synchronization

/// The test split, kept apart from training: its samples can be read exactly once, at the end.
///
/// There is no accessor for the samples. `evaluateOnce(_:)` hands them to a closure the first
/// time and throws `HeldOutTestSet.AlreadyEvaluated` after that, so tuning against the test set
/// cannot happen by accident (SPEC: "test set is never used for training or tuning").
package final class HeldOutTestSet: Sendable {
  /// Thrown when the test set is asked for a second time.
  package struct AlreadyEvaluated: Error, CustomStringConvertible {
    package var description: String { "the held-out test set was already evaluated once" }
  }

  private let samples: LabeledSet
  private let evaluated = Mutex(false)

  package init(_ set: LabeledSet) {
    self.samples = set
  }

  /// The number of test samples (not the samples themselves).
  package var count: Int { samples.count }
  /// The shape of one sample.
  package var sampleShape: [Int] { samples.sampleShape }
  /// Whether `evaluateOnce(_:)` has run.
  package var isEvaluated: Bool { evaluated.withLock { $0 } }

  /// Runs `body` on the test samples; allowed once.
  ///
  /// - Throws: `AlreadyEvaluated` on a second call, or what `body` throws.
  package func evaluateOnce<R>(_ body: (LabeledSet) throws -> R) throws -> R {
    let first = evaluated.withLock { evaluated in
      defer { evaluated = true }
      return !evaluated
    }
    guard first else { throw AlreadyEvaluated() }
    return try body(samples)
  }
}
