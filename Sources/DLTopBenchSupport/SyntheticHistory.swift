import DLTopMonitor
import Foundation

/// Synthetic training histories with a known shape, for the diagnosis benchmark and tests.
package enum SyntheticHistory {
  /// The shapes `make` can draw.
  package enum Shape: String, Sendable, CaseIterable {
    /// Both losses fall and level off; val a little above train.
    case healthy
    /// Train loss keeps falling; val loss turns up after a third of the run.
    case overfitting
  }

  /// A history of `epochs` epochs (numbered from 1) with loss, val_loss, accuracy, val_accuracy, lr,
  /// grad_norm and dead_relu, with deterministic noise from `seed`.
  package static func make(_ shape: Shape, epochs: Int, seed: UInt64 = 1) -> [EpochRecord] {
    var state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
    func noise() -> Double {
      state ^= state << 13
      state ^= state >> 7
      state ^= state << 17
      return Double(state % 10_000) / 10_000 - 0.5
    }
    let turn = Double(max(1, epochs / 3))
    return (1...max(1, epochs)).map { epoch in
      let t = Double(epoch)
      let train = 0.05 + 2.2 * exp(-t / turn * 2)
      var val = train + 0.04
      if shape == .overfitting && t > turn { val += 0.3 * (t - turn) / turn }
      val *= 1 + 0.02 * noise()
      var metrics: [String: Double] = [:]
      metrics[MetricName.loss] = train * (1 + 0.01 * noise())
      metrics[MetricName.validationLoss] = val
      metrics[MetricName.accuracy] = 1 - train / 2.5
      metrics[MetricName.validationAccuracy] = 1 - min(1, val) / 2.4
      metrics[MetricName.learningRate] = 0.001
      metrics[MetricName.gradientNorm] = 1 + 0.1 * noise()
      metrics[MetricName.deadReLU] = 0.05
      return EpochRecord(
        epoch: epoch, metrics: metrics,
        seconds: 1)
    }
  }
}
