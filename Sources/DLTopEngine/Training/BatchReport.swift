/// What one mini-batch did, returned by `Trainer.trainBatch()`.
package struct BatchReport: Sendable, Equatable {
  /// The epoch this batch belongs to, from 1.
  package var epoch: Int
  /// The batch's index within its epoch, from 0.
  package var batchIndex: Int
  package var batchesPerEpoch: Int
  /// The global batch step this batch ran as, from 0 (the schedule's `step`).
  package var step: Int
  /// Samples in this batch (the last batch of an epoch may be smaller).
  package var samples: Int
  /// Mean loss of the batch before the update, L2 penalty included; may be NaN or ±∞.
  package var loss: Double
  /// Fraction of the batch classified correctly (classification only).
  package var accuracy: Double?
  /// The learning rate this batch's update used.
  package var learningRate: Double
  /// ‖g‖ over all parameters (L2 term included), before the update.
  package var gradientNorm: Double
  /// False when the loss or the gradient was NaN or infinite; the update was then skipped, so the
  /// weights are still those before this batch and the caller decides (stop, lower the rate…).
  package var isFinite: Bool
  /// Wall-clock seconds of the batch (gather, forward, backward, update).
  package var seconds: Double

  package init(
    epoch: Int, batchIndex: Int, batchesPerEpoch: Int, step: Int, samples: Int, loss: Double,
    accuracy: Double?, learningRate: Double, gradientNorm: Double, isFinite: Bool, seconds: Double
  ) {
    self.epoch = epoch
    self.batchIndex = batchIndex
    self.batchesPerEpoch = batchesPerEpoch
    self.step = step
    self.samples = samples
    self.loss = loss
    self.accuracy = accuracy
    self.learningRate = learningRate
    self.gradientNorm = gradientNorm
    self.isFinite = isFinite
    self.seconds = seconds
  }
}
