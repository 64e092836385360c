/// Lowers the learning rate when a monitored value stops improving, with Keras
/// `ReduceLROnPlateau` semantics. Stateful (it depends on the run's history), so it is not a
/// `LearningRateSchedule`; the trainer feeds it one value per epoch.
///
/// On each `observe(_:)`: during cooldown the wait counter is reset and the cooldown counts down;
/// a value better than `best` by more than `minDelta` becomes the new best and resets the wait;
/// otherwise (outside cooldown) the wait grows, and when it reaches `patience` the rate becomes
/// `max(rate·factor, minRate)` (only if the rate is above `minRate`), the cooldown restarts and the
/// wait is reset. NaN never counts as an improvement.
package final class ReduceLROnPlateau {
  /// Whether smaller (`loss`) or larger (`accuracy`) values are better.
  package enum Mode: String, Sendable, CaseIterable {
    case min, max
  }

  package let factor: Double
  package let patience: Int
  package let cooldown: Int
  package let minDelta: Double
  package let minRate: Double
  package let mode: Mode
  /// The rate the next reduction starts from; set it when the user changes the rate by hand.
  package var learningRate: Double
  /// The best value seen so far (±∞ before the first finite value).
  package private(set) var best: Double
  /// Epochs without improvement since the last improvement or reduction.
  package private(set) var wait = 0
  /// Epochs of cooldown left.
  package private(set) var cooldownRemaining = 0

  package init(
    learningRate: Double, factor: Double = 0.1, patience: Int = 10, cooldown: Int = 0,
    minDelta: Double = 1e-4, minRate: Double = 0, mode: Mode = .min
  ) {
    precondition(
      factor > 0 && factor < 1, "ReduceLROnPlateau factor must be in (0, 1), got \(factor)")
    precondition(
      patience >= 0 && cooldown >= 0, "ReduceLROnPlateau patience and cooldown must be ≥ 0")
    self.learningRate = learningRate
    self.factor = factor
    self.patience = patience
    self.cooldown = cooldown
    self.minDelta = minDelta
    self.minRate = minRate
    self.mode = mode
    best = mode == .min ? .infinity : -.infinity
  }

  /// What changes as epochs are observed, for resuming a run.
  package struct State: Sendable, Equatable {
    package var learningRate: Double
    package var best: Double
    package var wait: Int
    package var cooldownRemaining: Int

    package init(learningRate: Double, best: Double, wait: Int, cooldownRemaining: Int) {
      self.learningRate = learningRate
      self.best = best
      self.wait = wait
      self.cooldownRemaining = cooldownRemaining
    }
  }

  /// The state now; `restore(_:)` puts it back.
  package var state: State {
    State(learningRate: learningRate, best: best, wait: wait, cooldownRemaining: cooldownRemaining)
  }

  /// Continues from `state` (a resumed run).
  package func restore(_ state: State) {
    learningRate = state.learningRate
    best = state.best
    wait = max(0, state.wait)
    cooldownRemaining = max(0, state.cooldownRemaining)
  }

  /// Records one epoch's monitored value.
  ///
  /// - Returns: the new learning rate when this observation reduces it, otherwise nil.
  package func observe(_ value: Double) -> Double? {
    if cooldownRemaining > 0 {
      cooldownRemaining -= 1
      wait = 0
    }
    if improves(value) {
      best = value
      wait = 0
      return nil
    }
    // As Keras: the cooldown is checked again after counting down, so its last epoch already waits.
    guard cooldownRemaining == 0 else { return nil }
    wait += 1
    guard wait >= patience, learningRate > minRate else { return nil }
    learningRate = max(learningRate * factor, minRate)
    cooldownRemaining = cooldown
    wait = 0
    return learningRate
  }

  private func improves(_ value: Double) -> Bool {
    switch mode {
    case .min: value < best - minDelta
    case .max: value > best + minDelta
    }
  }
}
