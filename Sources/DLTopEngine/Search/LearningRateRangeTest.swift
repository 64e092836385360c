import Foundation

/// Leslie Smith's learning-rate range test, as fastai's `lr_find`: the rate grows exponentially
/// from `startRate` to `endRate` over `iterations` mini-batches, the debiased exponential moving
/// average of the batch loss is recorded at each rate, and the test stops early once that average
/// exceeds `divergenceFactor` times its minimum (or is not finite).
///
/// The rate of iteration `i` is `start · (end/start)^(i/iterations)` and the smoothing is
/// `avg ← β·avg + (1−β)·loss`, `smooth = avg / (1 − β^(i+1))` with β = 0.98, both exactly as in
/// fastai's `LRFinder` and `Recorder`, so the two suggestions can be compared.
package struct LearningRateRangeTest: Sendable {
  package var startRate: Double
  package var endRate: Double
  package var iterations: Int
  package var divergenceFactor: Double
  package var smoothing: Double

  package init(
    startRate: Double = 1e-7, endRate: Double = 10, iterations: Int = 100,
    divergenceFactor: Double = 4,
    smoothing: Double = 0.98
  ) {
    precondition(
      startRate > 0 && endRate > startRate, "LearningRateRangeTest: need 0 < start < end")
    precondition(iterations >= 2, "LearningRateRangeTest: need at least 2 iterations")
    self.startRate = startRate
    self.endRate = endRate
    self.iterations = iterations
    self.divergenceFactor = divergenceFactor
    self.smoothing = smoothing
  }

  /// The rate of iteration `index` (from 0).
  package func rate(at index: Int) -> Double {
    startRate * pow(endRate / startRate, Double(index) / Double(iterations))
  }

  /// Runs the test on `trainer`, whose model's weights are put back afterwards.
  ///
  /// The trainer should be one made for the test (no validation split: an epoch boundary would
  /// otherwise run a validation pass); its optimizer state is left as the test made it, so train
  /// with a fresh trainer afterwards. Epoch boundaries are crossed when the training set has fewer
  /// batches than `iterations`.
  ///
  /// - Parameter observe: called after each batch with the curve so far (a dashboard draws it
  ///   live); returning false ends the test there, with `StopReason.cancelled`.
  package func run(
    on trainer: Trainer, observe: ((LearningRateRangeResult) -> Bool)? = nil
  ) -> LearningRateRangeResult {
    let saved = trainer.model.weights()
    defer { trainer.model.restoreWeights(saved) }
    var rates: [Double] = []
    var losses: [Double] = []
    var rawLosses: [Double] = []
    var average = 0.0
    var best = Double.infinity
    var stopReason = LearningRateRangeResult.StopReason.completed
    for index in 0..<iterations {
      let rate = rate(at: index)
      trainer.setLearningRate(rate)
      var report = trainer.trainBatch()
      if report == nil {
        _ = trainer.finishEpoch()
        trainer.setLearningRate(rate)
        report = trainer.trainBatch()
      }
      guard let report else { break }
      average = smoothing * average + (1 - smoothing) * report.loss
      let smoothed = average / (1 - pow(smoothing, Double(index + 1)))
      rates.append(rate)
      losses.append(smoothed)
      rawLosses.append(report.loss)
      if smoothed < best { best = smoothed }
      if !smoothed.isFinite || !report.isFinite {
        stopReason = .notFinite
        break
      }
      if smoothed > divergenceFactor * best {
        stopReason = .diverged
        break
      }
      if let observe,
        !observe(
          LearningRateRangeResult(
            rates: rates, losses: losses, rawLosses: rawLosses, iterations: iterations,
            stopReason: .completed))
      {
        stopReason = .cancelled
        break
      }
    }
    return LearningRateRangeResult(
      rates: rates, losses: losses, rawLosses: rawLosses, iterations: iterations,
      stopReason: stopReason)
  }
}
