/// A learning-rate range test shown inside a training run's dashboard (`dltop train --lr-find`
/// before the first batch, key `L` while paused): its curve so far, the rates it suggests and
/// whether it waits for the user's answer. The engine side knows nothing of this type; the
/// executable copies the engine's result into it.
package struct RangeTestState: Sendable, Equatable {
  package enum Phase: Sendable, Equatable {
    /// Batches are running; the curve grows.
    case running
    /// The test ended: "use the suggestion? y/n".
    case asking
  }

  /// One suggested rate and the method that picked it (`valley`, `steep`).
  package struct Suggestion: Sendable, Equatable {
    package var method: String
    package var rate: Double
    package init(method: String, rate: Double) {
      self.method = method
      self.rate = rate
    }
  }

  package var phase: Phase = .running
  /// The rate of each batch run so far, and the smoothed loss at it.
  package var rates: [Double] = []
  package var losses: [Double] = []
  /// The planned number of batches.
  package var iterations: Int
  /// Every method's suggestion, in drawing order; the first is the one offered.
  package var suggestions: [Suggestion] = []
  /// The learning rate the run keeps when the suggestion is declined.
  package var currentRate: Double
  /// Why the test ended early (`diverged`, `not-finite`), or nil.
  package var stopReason: String?

  package init(iterations: Int, currentRate: Double) {
    self.iterations = iterations
    self.currentRate = currentRate
  }

  /// The rate offered to the user, if the curve gave one.
  package var offered: Suggestion? { suggestions.first }
}
