/// The held-out test split's result, evaluated once at the end of a run: what the test-results
/// view, the snapshot's `test.txt`, the run log's `test` line and the headless summary show.
///
/// It holds counts, not ratios, for classification: precision, recall and F1 per class follow
/// from the confusion matrix (`TestSummary+Scores.swift`), so every place that shows them
/// computes the same numbers.
package struct TestSummary: Sendable, Equatable {
  package var loss: Double
  package var accuracy: Double?
  /// `counts[true][predicted]` for classification.
  package var confusion: [[Int]]?
  /// The positive class of a binary task, by index into the run's class names.
  package var positiveClass: Int?
  /// How many test samples were evaluated, when known.
  package var sampleCount: Int?
  /// Regression metrics.
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
    loss: Double, accuracy: Double? = nil, confusion: [[Int]]? = nil, positiveClass: Int? = nil,
    sampleCount: Int? = nil, regression: Regression? = nil
  ) {
    self.loss = loss
    self.accuracy = accuracy
    self.confusion = confusion
    self.positiveClass = positiveClass
    self.sampleCount = sampleCount
    self.regression = regression
  }
}
