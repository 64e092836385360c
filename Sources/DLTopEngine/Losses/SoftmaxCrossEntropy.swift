import Foundation

/// Softmax followed by sparse categorical cross-entropy, fused: takes logits and integer labels.
///
/// Fusing gives the simple, stable gradient `(softmax(z) − onehot(y)) / batch` and never takes
/// the log of zero (log-sum-exp with the row maximum subtracted).
package final class SoftmaxCrossEntropy: Loss {
  package let name = "softmax_crossentropy"
  private var probabilities = Tensor(zeros: [0, 0])  // [batch, classes]
  private var labels: [Int] = []

  package init() {}

  package func forward(_ prediction: Tensor, _ targets: Targets) -> Float {
    guard case .classes(let labels) = targets else {
      preconditionFailure("SoftmaxCrossEntropy needs class labels")
    }
    let batch = prediction.rows
    let classes = prediction.columnsPerRow
    precondition(
      labels.count == batch, "SoftmaxCrossEntropy: \(batch) rows, \(labels.count) labels")
    self.labels = labels
    var probs = prediction.reshaped(to: [batch, classes])
    var total: Double = 0
    probs.scalars.withUnsafeMutableBufferPointer { p in
      for row in 0..<batch {
        let base = row * classes
        var maxLogit = -Float.infinity
        for j in 0..<classes { maxLogit = max(maxLogit, p[base + j]) }
        var sum: Float = 0
        for j in 0..<classes {
          let e = expf(p[base + j] - maxLogit)
          p[base + j] = e
          sum += e
        }
        let label = labels[row]
        precondition(label >= 0 && label < classes, "label \(label) outside 0..<\(classes)")
        // −log softmax_label = log Σ e − (z_label − max)
        total += Double(logf(sum)) - Double(logf(max(p[base + label], .leastNormalMagnitude)))
        let inverse = 1 / sum
        for j in 0..<classes { p[base + j] *= inverse }
      }
    }
    probabilities = probs
    return Float(total / Double(max(batch, 1)))
  }

  package func backward() -> Tensor {
    var dx = probabilities  // [batch, classes]
    let batch = dx.rows
    let classes = dx.columnsPerRow
    let scale = 1 / Float(max(batch, 1))
    dx.scalars.withUnsafeMutableBufferPointer { d in
      for row in 0..<batch {
        d[row * classes + labels[row]] -= 1
      }
      for i in d.indices { d[i] *= scale }
    }
    return dx
  }

  /// The softmax probabilities of the last `forward`: `[batch, classes]`.
  package var lastProbabilities: Tensor { probabilities }
}
