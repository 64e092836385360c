/// Per-class scores of the test split, from its confusion matrix.
extension TestSummary {
  /// The confusion matrix as a record (epoch 0: it belongs to no epoch).
  package var confusionRecord: ConfusionRecord? {
    confusion.map { ConfusionRecord(epoch: 0, counts: $0) }
  }

  /// Samples evaluated: `sampleCount`, else the confusion matrix's total.
  package var samples: Int? {
    sampleCount ?? confusion.map { $0.reduce(0) { $0 + $1.reduce(0, +) } }
  }

  /// Precision, recall, F1 and support of one class.
  package struct ClassScores: Sendable, Equatable {
    package var precision: Double?
    package var recall: Double?
    package var f1: Double?
    package var support: Int
  }

  /// The scores of class `k` from the confusion matrix; nil without one.
  package func scores(ofClass k: Int) -> ClassScores? {
    guard let confusion = confusionRecord, k < confusion.classCount else { return nil }
    let precision = confusion.precision(ofClass: k)
    let recall = confusion.recall(ofClass: k)
    var f1: Double?
    if let precision, let recall {
      f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
    }
    return ClassScores(
      precision: precision, recall: recall, f1: f1, support: confusion.counts[k].reduce(0, +))
  }

  /// Macro averages over the classes (a class with no prediction counts as precision 0, as
  /// scikit-learn's `zero_division=0`).
  package var macro: (precision: Double, recall: Double, f1: Double)? {
    guard let confusion = confusionRecord, confusion.classCount > 0 else { return nil }
    let k = confusion.classCount
    var sums = (precision: 0.0, recall: 0.0, f1: 0.0)
    for index in 0..<k {
      guard let scores = scores(ofClass: index) else { continue }
      sums.precision += scores.precision ?? 0
      sums.recall += scores.recall ?? 0
      sums.f1 += scores.f1 ?? 0
    }
    let n = Double(k)
    return (sums.precision / n, sums.recall / n, sums.f1 / n)
  }
}
