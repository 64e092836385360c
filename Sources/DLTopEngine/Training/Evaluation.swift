/// The result of running a set through the model without training (`Trainer.evaluate`).
package struct Evaluation: Sendable, Equatable {
  /// Samples evaluated.
  package var count: Int
  /// Sample-weighted mean loss (no L2 penalty); NaN when the model produced NaN.
  package var loss: Double
  /// Fraction correct (classification only).
  package var accuracy: Double?
  /// Predicted classes (argmax, or the threshold for a single output column); classification only.
  package var predictedClasses: [Int]?
  /// True classes; classification only.
  package var labels: [Int]?
  /// Raw model outputs `[samples, outputs]`; regression only.
  package var outputs: Tensor?

  package init(
    count: Int, loss: Double, accuracy: Double? = nil, predictedClasses: [Int]? = nil,
    labels: [Int]? = nil, outputs: Tensor? = nil
  ) {
    self.count = count
    self.loss = loss
    self.accuracy = accuracy
    self.predictedClasses = predictedClasses
    self.labels = labels
    self.outputs = outputs
  }
}
