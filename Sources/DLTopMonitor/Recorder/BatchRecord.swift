/// One trained mini-batch, as the trainer adapter reports it.
package struct BatchRecord: Sendable, Equatable {
  /// The global step, counted from 0.
  package var step: Int
  /// The epoch the batch belongs to, counted from 1.
  package var epoch: Int
  /// The batch's position in its epoch, counted from 1.
  package var batch: Int
  package var loss: Double
  package var accuracy: Double?
  /// The learning rate the batch was trained with.
  package var learningRate: Double?
  /// Samples in the batch.
  package var samples: Int

  package init(
    step: Int, epoch: Int, batch: Int, loss: Double, accuracy: Double? = nil,
    learningRate: Double? = nil, samples: Int
  ) {
    self.step = step
    self.epoch = epoch
    self.batch = batch
    self.loss = loss
    self.accuracy = accuracy
    self.learningRate = learningRate
    self.samples = samples
  }
}

/// Speed and ETA bookkeeping for the epoch in progress.
struct BatchProgress {
  var epoch = 0
  var epochStarted = 0.0
  var samples = 0
}
