import Foundation

/// `α0 · rate^⌊step / decaySteps⌋` with batch steps, as TensorFlow's `exponential_decay` with
/// `staircase=True` (seed 004: α0 0.1, rate 0.96, decaySteps 50).
package struct StaircaseExponentialDecay: LearningRateSchedule {
  package let initialRate: Double
  package let decayRate: Double
  package let decaySteps: Int

  package init(initialRate: Double, decayRate: Double, decaySteps: Int) {
    precondition(decaySteps > 0, "StaircaseExponentialDecay needs decaySteps ≥ 1")
    self.initialRate = initialRate
    self.decayRate = decayRate
    self.decaySteps = decaySteps
  }

  package var description: String {
    "exp-staircase(\(initialRate)·\(decayRate)^⌊step/\(decaySteps)⌋)"
  }

  package func learningRate(at step: Int) -> Double {
    initialRate * pow(decayRate, Double(max(step, 0) / decaySteps))
  }
}
