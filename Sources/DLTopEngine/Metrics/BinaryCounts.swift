/// The four counts of a binary (or one-vs-rest) decision and the rates made from them.
///
/// A rate whose denominator is 0 is reported as 0 (as scikit-learn's `zero_division=0`).
package struct BinaryCounts: Sendable, Equatable {
  package var truePositives: Int
  package var falsePositives: Int
  package var falseNegatives: Int
  package var trueNegatives: Int

  package init(truePositives: Int, falsePositives: Int, falseNegatives: Int, trueNegatives: Int) {
    self.truePositives = truePositives
    self.falsePositives = falsePositives
    self.falseNegatives = falseNegatives
    self.trueNegatives = trueNegatives
  }

  package var total: Int { truePositives + falsePositives + falseNegatives + trueNegatives }

  /// Recall (sensitivity): TP / (TP + FN), the share of real positives that were found.
  package var recall: Double { Self.ratio(truePositives, truePositives + falseNegatives) }
  /// Precision: TP / (TP + FP), the share of positive predictions that were right.
  package var precision: Double { Self.ratio(truePositives, truePositives + falsePositives) }
  /// Specificity: TN / (TN + FP).
  package var specificity: Double { Self.ratio(trueNegatives, trueNegatives + falsePositives) }
  /// (TP + TN) / total.
  package var accuracy: Double { Self.ratio(truePositives + trueNegatives, total) }
  /// The F1 score of `precision` and `recall`.
  package var f1: Double { Self.fScore(precision: precision, recall: recall) }

  /// The F-score `(1 + β²)·p·r / (β²·p + r)`; β = 1 gives F1 = 2pr / (p + r). 0 when p = r = 0.
  package static func fScore(precision: Double, recall: Double, beta: Double = 1) -> Double {
    let b2 = beta * beta
    let denominator = b2 * precision + recall
    return denominator == 0 ? 0 : (1 + b2) * precision * recall / denominator
  }

  static func ratio(_ numerator: Int, _ denominator: Int) -> Double {
    denominator == 0 ? 0 : Double(numerator) / Double(denominator)
  }
}
