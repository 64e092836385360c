/// A learning rate as a pure function of the global batch step (0 for the first mini-batch).
///
/// Pure, so the dashboard can ask for any future step and draw the planned decay. Epoch-based
/// schedules (step, exponential, inverse-time) are told `stepsPerEpoch` when they are made.
/// Reduce-on-plateau depends on the run's history and lives apart, in `ReduceLROnPlateau`.
package protocol LearningRateSchedule: Sendable {
  /// A readable form, e.g. `exp-staircase(0.1·0.96^⌊step/50⌋)`.
  var description: String { get }
  /// The learning rate used for batch step `step` (from 0).
  func learningRate(at step: Int) -> Double
}

extension LearningRateSchedule {
  /// `samples` evenly spaced steps from `step` to `end` (both included) with their rates, for
  /// drawing the future of the schedule. Fewer points when the range has fewer steps.
  package func plannedRates(from step: Int, to end: Int, samples: Int) -> [(
    step: Int, rate: Double
  )] {
    guard samples > 0, end >= step else { return [] }
    let span = end - step
    if samples == 1 || span == 0 { return [(step, learningRate(at: step))] }
    let count = min(samples, span + 1)
    var points: [(step: Int, rate: Double)] = []
    points.reserveCapacity(count)
    var previous = -1
    for i in 0..<count {
      let s = step + Int((Double(i) * Double(span) / Double(count - 1)).rounded())
      if s == previous { continue }
      previous = s
      points.append((s, learningRate(at: s)))
    }
    return points
  }
}
