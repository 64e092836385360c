/// Sparse categorical cross-entropy: softmax on logits against integer class labels (`.classes`).
///
/// Keras's name for what `SoftmaxCrossEntropy` computes; this type only renames it, so the maths
/// lives in one place.
package final class SparseCategoricalCrossEntropy: Loss {
  package let name = "sparse_categorical_crossentropy"
  private let fused = SoftmaxCrossEntropy()

  package init() {}

  package func forward(_ prediction: Tensor, _ targets: Targets) -> Float {
    fused.forward(prediction, targets)
  }

  package func backward() -> Tensor { fused.backward() }

  /// The softmax probabilities of the last `forward`: `[batch, classes]`.
  package var lastProbabilities: Tensor { fused.lastProbabilities }
}
