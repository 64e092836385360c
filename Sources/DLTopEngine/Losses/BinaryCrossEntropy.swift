import Foundation

/// Binary cross-entropy on logits, fused with the sigmoid for stability.
///
/// Per element `ℓ = max(z, 0) − z·t + log(1 + e^(−|z|))`, which equals
/// `−t·log σ(z) − (1 − t)·log(1 − σ(z))` without ever taking the log of 0; the loss is the mean over
/// every element and the gradient is `(σ(z) − t)/(batch·outputs)`. Targets are `.classes` with 0/1
/// labels (one output) or `.values` `[batch, outputs]` in `[0, 1]`.
package final class BinaryCrossEntropy: Loss {
  package let name = "binary_crossentropy"
  private var gradient: [Float] = []  // σ(z) − t, [batch, outputs]
  private var shape: [Int] = []

  package init() {}

  package func forward(_ prediction: Tensor, _ targets: Targets) -> Float {
    if case .classes(let labels) = targets {
      precondition(
        labels.allSatisfy { $0 == 0 || $0 == 1 }, "\(name): class labels must be 0 or 1")
    }
    let t = targets.matrix(rows: prediction.rows, columns: prediction.columnsPerRow, for: name)
    shape = prediction.shape
    gradient = [Float](repeating: 0, count: t.count)
    var total: Double = 0
    prediction.scalars.withUnsafeBufferPointer { z in
      for i in 0..<t.count {
        total += Double(max(z[i], 0) - z[i] * t[i] + log1pf(expf(-abs(z[i]))))
        gradient[i] = Sigmoid.sigmoid(z[i]) - t[i]
      }
    }
    return Float(total / Double(max(t.count, 1)))
  }

  package func backward() -> Tensor {
    let scale = 1 / Float(max(gradient.count, 1))
    return Tensor(shape: shape, scalars: gradient.map { $0 * scale })  // [batch, outputs]
  }
}
