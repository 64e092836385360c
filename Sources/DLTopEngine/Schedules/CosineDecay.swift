import Foundation

/// Half a cosine from `initialRate` down to `minimumRate` over `totalSteps`:
/// `min + (α0 − min)·(1 + cos(π·step/total))/2`; `minimumRate` from then on.
package struct CosineDecay: LearningRateSchedule {
  package let initialRate: Double
  package let totalSteps: Int
  /// The floor reached at `totalSteps` (an absolute rate, 0 by default).
  package let minimumRate: Double

  package init(initialRate: Double, totalSteps: Int, minimumRate: Double = 0) {
    precondition(totalSteps > 0, "CosineDecay needs totalSteps ≥ 1")
    self.initialRate = initialRate
    self.totalSteps = totalSteps
    self.minimumRate = minimumRate
  }

  package var description: String {
    "cosine(\(initialRate)→\(minimumRate) over \(totalSteps) steps)"
  }

  package func learningRate(at step: Int) -> Double {
    let progress = Double(min(max(step, 0), totalSteps)) / Double(totalSteps)
    return minimumRate + (initialRate - minimumRate) * (1 + cos(Double.pi * progress)) / 2
  }
}
