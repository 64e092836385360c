/// A schedule whose rate was set by hand (a key, a command, reduce-on-plateau) at `fromStep`.
///
/// Before `fromStep` it is the original schedule (history is unchanged). From `fromStep` on:
///
///     rate(step) = override · min(1, base(step) / base(fromStep))
///
/// so the override becomes the rate now and the schedule's decay shape continues from it (step
/// decay still drops ×factor at its boundaries, cosine still falls to its end). The `min(1, …)`
/// keeps a rising part (warmup) from lifting the rate above the override. When `base(fromStep)`
/// is 0 or not finite, the override stays constant.
package struct LearningRateOverride: LearningRateSchedule {
  package let base: any LearningRateSchedule
  package let rate: Double
  package let fromStep: Int

  package init(base: any LearningRateSchedule, rate: Double, fromStep: Int) {
    self.base = base
    self.rate = rate
    self.fromStep = fromStep
  }

  package var description: String { "\(rate) from step \(fromStep), shaped by \(base.description)" }

  package func learningRate(at step: Int) -> Double {
    if step < fromStep { return base.learningRate(at: step) }
    let anchor = base.learningRate(at: fromStep)
    guard anchor > 0, anchor.isFinite else { return rate }
    return rate * min(1, base.learningRate(at: step) / anchor)
  }
}
