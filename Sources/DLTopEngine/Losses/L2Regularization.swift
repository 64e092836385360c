/// L2 weight decay in the form of SPEC.md seed 002: penalty `½·λ·Σ w²` over every parameter with
/// `decays == true` (weights, not biases or BatchNorm γ/β), gradient `+= λ·W`.
///
/// Seed 000 writes the penalty as `λ/(2m)·Σ‖w‖²` with `m` the number of training samples; that is
/// this form with `λ` scaled by `1/m`, so `L2Regularization(lambda: λ₀₀₀ / m)` reproduces it.
package struct L2Regularization: Sendable, Equatable {
  /// The decay strength `λ ≥ 0`.
  package let lambda: Float

  package init(lambda: Float) {
    precondition(lambda >= 0 && lambda.isFinite, "L2 λ \(lambda) must be a finite number ≥ 0")
    self.lambda = lambda
  }

  /// `½·λ·Σ w²` over the decaying parameters, to add to the data loss.
  package func penalty(of parameters: [Parameter]) -> Float {
    var sum: Float = 0
    for parameter in parameters where parameter.decays { sum += parameter.value.squaredNorm }
    return 0.5 * lambda * sum
  }

  /// Adds `λ·W` to the gradient of every decaying parameter (after `backward`, before the update).
  package func addGradient(to parameters: [Parameter]) {
    guard lambda > 0 else { return }
    for parameter in parameters where parameter.decays {
      parameter.value.scalars.withUnsafeBufferPointer { w in
        parameter.grad.scalars.withUnsafeMutableBufferPointer { g in
          for i in g.indices { g[i] += lambda * w[i] }
        }
      }
    }
  }
}
