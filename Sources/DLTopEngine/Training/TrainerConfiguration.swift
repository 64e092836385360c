import Foundation

/// The settings of a training run that the `Trainer` needs (the model, loss, optimizer and
/// schedule are passed separately).
package struct TrainerConfiguration: Sendable, Equatable {
  /// Samples per mini-batch.
  package enum BatchSize: Sendable, Equatable, CustomStringConvertible {
    /// `n` samples per batch; 1 is stochastic gradient descent (one sample per update).
    case samples(Int)
    /// The whole training set in one batch: batch gradient descent, one update per epoch.
    case full

    /// The batch size for a training set of `count` samples (at least 1, at most `count`).
    package func resolved(for count: Int) -> Int {
      switch self {
      case .samples(let n): max(1, min(n, max(count, 1)))
      case .full: max(count, 1)
      }
    }

    package var description: String {
      switch self {
      case .samples(let n): "\(n)"
      case .full: "full"
      }
    }

    /// Parses a `--batch` value: a positive integer or `full`.
    ///
    /// - Throws: `BatchSizeError` naming the value and the accepted forms.
    package static func parse(_ text: String) throws -> BatchSize {
      let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
      if trimmed == "full" { return .full }
      guard let n = Int(trimmed), n >= 1 else { throw BatchSizeError(value: text) }
      return .samples(n)
    }
  }

  package var batchSize: BatchSize
  /// The planned number of epochs (cosine spans them; `Trainer.isFinished` compares with it).
  package var epochs: Int
  /// Seeds shuffling and augmentation (initial weights are made by whoever builds the model).
  package var seed: UInt64
  /// L2 weight decay λ: `grad += λ·W` for parameters with `decays`, `½λΣw²` added to the loss.
  package var l2: Double
  /// Reshuffle the training samples at the start of every epoch.
  package var shuffle: Bool
  /// Samples per forward pass in `evaluate` (memory bound only; results do not depend on it).
  package var evaluationBatchSize: Int
  /// For a classifier with a single output column: predict class 1 when the output is above this.
  package var binaryThreshold: Float

  package init(
    batchSize: BatchSize = .samples(128), epochs: Int = 10, seed: UInt64 = 0, l2: Double = 0,
    shuffle: Bool = true, evaluationBatchSize: Int = 1024, binaryThreshold: Float = 0.5
  ) {
    precondition(epochs >= 0, "TrainerConfiguration: epochs must be ≥ 0, got \(epochs)")
    if case .samples(let n) = batchSize {
      precondition(n >= 1, "TrainerConfiguration: batch size must be ≥ 1, got \(n)")
    }
    self.batchSize = batchSize
    self.epochs = epochs
    self.seed = seed
    self.l2 = l2
    self.shuffle = shuffle
    self.evaluationBatchSize = max(1, evaluationBatchSize)
    self.binaryThreshold = binaryThreshold
  }

  /// Mini-batches per epoch for `sampleCount` training samples: ⌈N / batch⌉.
  package func batchesPerEpoch(sampleCount: Int) -> Int {
    guard sampleCount > 0 else { return 0 }
    let batch = batchSize.resolved(for: sampleCount)
    return (sampleCount + batch - 1) / batch
  }

  /// Mini-batches in the whole planned run: `epochs × batchesPerEpoch`.
  package func totalSteps(sampleCount: Int) -> Int {
    epochs * batchesPerEpoch(sampleCount: sampleCount)
  }
}

/// A `--batch` value that is neither a positive integer nor `full`.
package struct BatchSizeError: Error, Equatable, CustomStringConvertible {
  package let value: String

  package var description: String {
    "'\(value)' is not a batch size; accepted: a positive integer (1 = stochastic) or full"
  }
}
