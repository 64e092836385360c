/// Lowers the learning rate when the monitored metric stops improving, with the semantics of
/// Keras's `keras.callbacks.ReduceLROnPlateau` (Keras 3), checked against the real class.
///
/// Each epoch with the monitored value: during cooldown the counter runs down and `wait` stays 0;
/// an improvement (by more than `minDelta`; the first value always counts) resets `wait`;
/// otherwise, outside cooldown, `wait` grows and at `patience` the rate is multiplied by `factor`
/// (never below `minLearningRate`), `wait` resets and cooldown starts. A NaN is never an
/// improvement. Like Keras, the rate is kept as a 32-bit float.
package struct ReduceLROnPlateau: Sendable {
  package struct Options: Sendable, Equatable {
    package var monitor = MetricName.validationLoss
    package var mode = EarlyStopping.Mode.auto
    /// The multiplier, in 0 ..< 1.
    package var factor = 0.1
    package var patience = 10
    package var minDelta = 1e-4
    /// Epochs after a reduction during which no new reduction is considered.
    package var cooldown = 0
    package var minLearningRate = 0.0

    package init() {}

    var maximizes: Bool {
      switch mode {
      case .min: false
      case .max: true
      case .auto: MetricName.isMaximized(monitor)
      }
    }
  }

  package let options: Options
  /// The rate now in force.
  package private(set) var learningRate: Double
  package private(set) var wait = 0
  package private(set) var cooldownCounter = 0
  package private(set) var best: Double?

  /// - Precondition: `0 < options.factor < 1`.
  package init(options: Options, learningRate: Double) {
    precondition(options.factor > 0 && options.factor < 1, "ReduceLROnPlateau needs 0 < factor < 1")
    self.options = options
    self.learningRate = Self.float32(learningRate)
  }

  /// Tells the policy that the rate was changed elsewhere (a key, a command).
  package mutating func setLearningRate(_ rate: Double) {
    learningRate = Self.float32(rate)
  }

  /// Takes one finished epoch.
  /// - Returns: the new learning rate when it was reduced after this epoch, else nil.
  package mutating func observe(_ record: EpochRecord) -> Double? {
    guard let current = record.metrics[options.monitor] else { return nil }
    if cooldownCounter > 0 {
      cooldownCounter -= 1
      wait = 0
    }
    if isImprovement(current) {
      best = current
      wait = 0
      return nil
    }
    guard cooldownCounter == 0 else { return nil }
    wait += 1
    guard wait >= options.patience, learningRate > Self.float32(options.minLearningRate) else { return nil }
    learningRate = Self.float32(max(learningRate * options.factor, options.minLearningRate))
    cooldownCounter = options.cooldown
    wait = 0
    return learningRate
  }

  private func isImprovement(_ current: Double) -> Bool {
    guard let best else { return true }
    let delta = abs(options.minDelta)
    return options.maximizes ? current - delta > best : current + delta < best
  }

  private static func float32(_ value: Double) -> Double { Double(Float(value)) }
}
