/// The held-out test split's metrics, evaluated once when a run ends: what the test-results view,
/// the snapshot's `test.txt` and the headless summary show.
///
/// It holds counts, not ratios, for classification: precision, recall and F1 per class follow
/// from the confusion matrix, so every place that shows them computes the same numbers.
package struct TestResults: Sendable, Equatable {
  /// Mean loss over the test split.
  package var loss: Double
  /// Fraction of test samples classified correctly (classification only).
  package var accuracy: Double?
  /// How many test samples were evaluated.
  package var sampleCount: Int
  /// `confusion[true][predicted]` over the test split (classification only).
  package var confusion: ConfusionRecord?
  /// The positive class of a binary task, by index into the run's class names.
  package var positiveClass: Int?
  /// Regression metrics: mean squared error, mean absolute error, R².
  package var regression: Regression?

  /// Regression metrics of the test split.
  package struct Regression: Sendable, Equatable {
    package var meanSquaredError: Double
    package var meanAbsoluteError: Double
    package var rSquared: Double
    package init(meanSquaredError: Double, meanAbsoluteError: Double, rSquared: Double) {
      self.meanSquaredError = meanSquaredError
      self.meanAbsoluteError = meanAbsoluteError
      self.rSquared = rSquared
    }
  }

  package init(
    loss: Double, accuracy: Double? = nil, sampleCount: Int, confusion: ConfusionRecord? = nil,
    positiveClass: Int? = nil, regression: Regression? = nil
  ) {
    self.loss = loss
    self.accuracy = accuracy
    self.sampleCount = sampleCount
    self.confusion = confusion
    self.positiveClass = positiveClass
    self.regression = regression
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
    guard let confusion, k < confusion.classCount else { return nil }
    let precision = confusion.precision(ofClass: k)
    let recall = confusion.recall(ofClass: k)
    var f1: Double?
    if let precision, let recall { f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    return ClassScores(precision: precision, recall: recall, f1: f1, support: confusion.counts[k].reduce(0, +))
  }

  /// Macro averages over the classes (a class with no prediction counts as precision 0, as
  /// scikit-learn's `zero_division=0`).
  package var macro: (precision: Double, recall: Double, f1: Double)? {
    guard let confusion, confusion.classCount > 0 else { return nil }
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
