/// What a data set asks the network to predict.
package enum Task: Sendable, Equatable {
  /// Pick one of `classNames.count` classes (two classes is binary classification).
  case classification(classNames: [String])
  /// Predict `outputs` real values.
  case regression(outputs: Int)

  package var isClassification: Bool {
    if case .classification = self { return true }
    return false
  }

  package var classNames: [String]? {
    if case .classification(let names) = self { return names }
    return nil
  }
}

/// The targets of a set of samples.
package enum Targets: Sendable, Equatable {
  /// Integer class labels in `0..<classCount`, one per sample.
  case classes([Int])
  /// Real-valued targets `[samples, outputs]`.
  case values(Tensor)

  package var count: Int {
    switch self {
    case .classes(let labels): labels.count
    case .values(let tensor): tensor.rows
    }
  }

  /// The targets of the samples at `indices`, in that order.
  package func gathered(_ indices: some Collection<Int>) -> Targets {
    switch self {
    case .classes(let labels): .classes(indices.map { labels[$0] })
    case .values(let tensor): .values(tensor.gatherRows(indices))
    }
  }
}

/// Samples and their targets: `features` is `[samples, …sample shape]` (images NHWC).
package struct LabeledSet: Sendable, Equatable {
  package var features: Tensor
  package var targets: Targets

  package init(features: Tensor, targets: Targets) {
    precondition(
      features.rows == targets.count,
      "LabeledSet: \(features.rows) samples but \(targets.count) targets")
    self.features = features
    self.targets = targets
  }

  package var count: Int { targets.count }
  /// The shape of one sample, without the leading sample dimension.
  package var sampleShape: [Int] { Array(features.shape.dropFirst()) }

  /// The samples at `indices`, in that order.
  package func subset(_ indices: some Collection<Int>) -> LabeledSet {
    LabeledSet(features: features.gatherRows(indices), targets: targets.gathered(indices))
  }
}
