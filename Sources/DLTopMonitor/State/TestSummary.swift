/// The held-out test split's result, evaluated once at the end of a run.
package struct TestSummary: Sendable, Equatable {
  package var loss: Double
  package var accuracy: Double?
  /// `counts[true][predicted]` for classification.
  package var confusion: [[Int]]?

  package init(loss: Double, accuracy: Double? = nil, confusion: [[Int]]? = nil) {
    self.loss = loss
    self.accuracy = accuracy
    self.confusion = confusion
  }
}
