import Foundation

/// Multiplies the rate by `factor` every `everyEpochs` epochs:
/// `α0 · factor^⌊step / stepsPerEpoch / everyEpochs⌋` (e.g. ×0.1 every 8 epochs).
package struct StepDecay: LearningRateSchedule {
  package let initialRate: Double
  package let factor: Double
  package let everyEpochs: Int
  package let stepsPerEpoch: Int

  package init(initialRate: Double, factor: Double, everyEpochs: Int, stepsPerEpoch: Int) {
    precondition(
      everyEpochs > 0 && stepsPerEpoch > 0, "StepDecay needs every ≥ 1 and stepsPerEpoch ≥ 1")
    self.initialRate = initialRate
    self.factor = factor
    self.everyEpochs = everyEpochs
    self.stepsPerEpoch = stepsPerEpoch
  }

  package var description: String { "step(\(initialRate)·\(factor)^⌊epoch/\(everyEpochs)⌋)" }

  package func learningRate(at step: Int) -> Double {
    let drops = max(step, 0) / (stepsPerEpoch * everyEpochs)
    return initialRate * pow(factor, Double(drops))
  }
}
