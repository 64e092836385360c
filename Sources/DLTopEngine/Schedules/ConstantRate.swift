/// The same learning rate at every step.
package struct ConstantRate: LearningRateSchedule {
  package let rate: Double

  package init(rate: Double) {
    self.rate = rate
  }

  package var description: String { "constant(\(rate))" }
  package func learningRate(at step: Int) -> Double { rate }
}
