/// 1/t decay `α0 / (1 + k·t)` with `t` in epochs (`step / stepsPerEpoch`, fractional).
package struct InverseTimeDecay: LearningRateSchedule {
  package let initialRate: Double
  package let k: Double
  package let stepsPerEpoch: Int

  package init(initialRate: Double, k: Double, stepsPerEpoch: Int) {
    precondition(stepsPerEpoch > 0, "InverseTimeDecay needs stepsPerEpoch ≥ 1")
    self.initialRate = initialRate
    self.k = k
    self.stepsPerEpoch = stepsPerEpoch
  }

  package var description: String { "inverse-time(\(initialRate)/(1+\(k)·epoch))" }

  package func learningRate(at step: Int) -> Double {
    initialRate / (1 + k * Double(step) / Double(stepsPerEpoch))
  }
}
