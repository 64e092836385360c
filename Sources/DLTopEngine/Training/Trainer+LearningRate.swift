extension Trainer {
  /// The rate the run uses at `step`: the schedule, or the override once one was set.
  package func learningRate(at step: Int) -> Double {
    if let learningRateOverride { return learningRateOverride.learningRate(at: step) }
    return schedule.learningRate(at: step)
  }

  /// The rate the next batch will use.
  package var currentLearningRate: Double { learningRate(at: globalStep) }

  /// The schedule in force, override included, for drawing the planned rates ahead.
  package var effectiveSchedule: any LearningRateSchedule { learningRateOverride ?? schedule }

  /// Makes `rate` the learning rate from the next batch on; the schedule's shape continues from
  /// it (see `LearningRateOverride`: `rate · min(1, schedule(step)/schedule(now))`). A later
  /// call replaces the earlier override.
  package func setLearningRate(_ rate: Double) {
    learningRateOverride = LearningRateOverride(base: schedule, rate: rate, fromStep: globalStep)
  }
}
