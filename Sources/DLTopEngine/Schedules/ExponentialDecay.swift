import Foundation

/// Continuous exponential decay `α0 · e^(−k·t)` with `t` in epochs (`step / stepsPerEpoch`,
/// fractional between epoch boundaries).
package struct ExponentialDecay: LearningRateSchedule {
  package let initialRate: Double
  package let k: Double
  package let stepsPerEpoch: Int

  package init(initialRate: Double, k: Double, stepsPerEpoch: Int) {
    precondition(stepsPerEpoch > 0, "ExponentialDecay needs stepsPerEpoch ≥ 1")
    self.initialRate = initialRate
    self.k = k
    self.stepsPerEpoch = stepsPerEpoch
  }

  package var description: String { "exp(\(initialRate)·e^(−\(k)·epoch))" }

  package func learningRate(at step: Int) -> Double {
    initialRate * exp(-k * Double(step) / Double(stepsPerEpoch))
  }
}
