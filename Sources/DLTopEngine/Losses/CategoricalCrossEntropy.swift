import Foundation

/// Categorical cross-entropy on logits with one-hot (or soft) targets, fused with the softmax.
///
/// Per row `ℓ = Σⱼ tⱼ·(logΣₖ e^(zₖ) − zⱼ)` (log-sum-exp with the row maximum subtracted); the loss
/// is the batch mean and the gradient `(softmax(z)·Σⱼ tⱼ − t)/batch`, which is the familiar
/// `(softmax(z) − t)/batch` for one-hot rows. Targets are `.values` `[batch, classes]`.
package final class CategoricalCrossEntropy: Loss {
  package let name = "categorical_crossentropy"
  private var gradient = Tensor(zeros: [0, 0])  // softmax(z)·Σt − t, [batch, classes]

  package init() {}

  package func forward(_ prediction: Tensor, _ targets: Targets) -> Float {
    let batch = prediction.rows
    let classes = prediction.columnsPerRow
    guard case .values = targets else {
      preconditionFailure(
        "\(name) needs one-hot .values targets [\(batch), \(classes)], got class labels")
    }
    let t = targets.matrix(rows: batch, columns: classes, for: name)
    var g = prediction.reshaped(to: [batch, classes])
    var total: Double = 0
    g.scalars.withUnsafeMutableBufferPointer { p in
      for row in 0..<batch {
        let base = row * classes
        var maxLogit = -Float.infinity
        for j in 0..<classes { maxLogit = max(maxLogit, p[base + j]) }
        var sum: Float = 0
        for j in 0..<classes { sum += expf(p[base + j] - maxLogit) }
        let logSum = logf(sum) + maxLogit
        var targetMass: Float = 0
        for j in 0..<classes {
          total += Double(t[base + j] * (logSum - p[base + j]))
          targetMass += t[base + j]
        }
        for j in 0..<classes {
          p[base + j] = expf(p[base + j] - logSum) * targetMass - t[base + j]
        }
      }
    }
    gradient = g
    return Float(total / Double(max(batch, 1)))
  }

  package func backward() -> Tensor {
    var dx = gradient  // [batch, classes]
    let scale = 1 / Float(max(dx.rows, 1))
    dx.scalars.withUnsafeMutableBufferPointer { d in
      for i in d.indices { d[i] *= scale }
    }
    return dx
  }
}
