/// A K×K table of counts: rows are the true class, columns the predicted class.
package struct ConfusionMatrix: Sendable, Equatable {
  package let classCount: Int
  /// Row-major counts: `counts[truth * classCount + predicted]`.
  package private(set) var counts: [Int]

  package init(classCount: Int) {
    precondition(classCount > 0, "ConfusionMatrix needs at least one class")
    self.classCount = classCount
    counts = [Int](repeating: 0, count: classCount * classCount)
  }

  /// Counts each `(truth[i], predicted[i])` pair.
  package init(truth: [Int], predicted: [Int], classCount: Int) {
    self.init(classCount: classCount)
    add(truth: truth, predicted: predicted)
  }

  /// The number of samples of class `truth` predicted as `predicted`.
  package subscript(truth: Int, predicted: Int) -> Int {
    counts[truth * classCount + predicted]
  }

  /// Adds one sample.
  package mutating func add(truth: Int, predicted: Int) {
    precondition(
      (0..<classCount).contains(truth) && (0..<classCount).contains(predicted),
      "ConfusionMatrix: class \(truth) or \(predicted) outside 0..<\(classCount)")
    counts[truth * classCount + predicted] += 1
  }

  /// Adds pairs of true and predicted classes.
  package mutating func add(truth: [Int], predicted: [Int]) {
    precondition(
      truth.count == predicted.count,
      "ConfusionMatrix: \(truth.count) truths, \(predicted.count) predictions")
    for (t, p) in zip(truth, predicted) { add(truth: t, predicted: p) }
  }

  /// Adds all counts of another matrix of the same size (e.g. per-batch matrices of an epoch).
  package mutating func merge(_ other: ConfusionMatrix) {
    precondition(
      other.classCount == classCount,
      "ConfusionMatrix: merging \(other.classCount) into \(classCount) classes")
    for i in counts.indices { counts[i] += other.counts[i] }
  }

  /// The rows as arrays (row = true class).
  package var rows: [[Int]] {
    (0..<classCount).map { Array(counts[($0 * classCount)..<(($0 + 1) * classCount)]) }
  }

  package var total: Int { counts.reduce(0, +) }
  /// Samples on the diagonal.
  package var correct: Int { (0..<classCount).reduce(0) { $0 + self[$1, $1] } }
  /// correct / total; 0 for an empty matrix.
  package var accuracy: Double { total == 0 ? 0 : Double(correct) / Double(total) }

  /// Samples whose true class is `label` (the row sum).
  package func support(of label: Int) -> Int {
    (0..<classCount).reduce(0) { $0 + self[label, $1] }
  }

  /// Samples predicted as `label` (the column sum).
  package func predictedCount(of label: Int) -> Int {
    (0..<classCount).reduce(0) { $0 + self[$1, label] }
  }

  /// TP/FP/FN/TN of `positive` against all other classes.
  package func binaryCounts(positive: Int) -> BinaryCounts {
    let tp = self[positive, positive]
    let fn = support(of: positive) - tp
    let fp = predictedCount(of: positive) - tp
    return BinaryCounts(
      truePositives: tp, falsePositives: fp, falseNegatives: fn, trueNegatives: total - tp - fn - fp
    )
  }

  /// The predicted class of each row of `scores` (`[samples, classes]`): the first largest score.
  package static func predictedClasses(_ scores: Tensor) -> [Int] {
    let width = scores.columnsPerRow
    return scores.scalars.withUnsafeBufferPointer { s in
      (0..<scores.rows).map { row in
        var best = 0
        var bestValue = s[row * width]
        for j in 1..<max(width, 1) where s[row * width + j] > bestValue {
          best = j
          bestValue = s[row * width + j]
        }
        return best
      }
    }
  }
}
