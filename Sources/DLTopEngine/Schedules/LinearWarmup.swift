/// A linear ramp over the first `warmupSteps` steps, then another schedule, shifted to start
/// when the warmup ends (Keras `CosineDecay(warmup_steps:)` semantics):
///
///     step < N:  start + (then(0) − start) · step / N
///     step ≥ N:  then(step − N)
///
/// So step 0 runs at `startRate` (0 by default) and step N at the wrapped schedule's first rate.
package struct LinearWarmup: LearningRateSchedule {
  package let warmupSteps: Int
  package let startRate: Double
  package let then: any LearningRateSchedule

  package init(warmupSteps: Int, startRate: Double = 0, then: any LearningRateSchedule) {
    precondition(warmupSteps > 0, "LinearWarmup needs warmupSteps ≥ 1")
    self.warmupSteps = warmupSteps
    self.startRate = startRate
    self.then = then
  }

  package var description: String {
    "warmup(\(startRate)→ over \(warmupSteps) steps, then \(then.description))"
  }

  package func learningRate(at step: Int) -> Double {
    if step >= warmupSteps { return then.learningRate(at: step - warmupSteps) }
    let target = then.learningRate(at: 0)
    return startRate + (target - startRate) * Double(max(step, 0)) / Double(warmupSteps)
  }
}
