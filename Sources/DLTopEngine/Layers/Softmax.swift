import Foundation

/// Softmax over the last axis as a standalone layer: `yᵢ = e^(xᵢ − max) / Σⱼ e^(xⱼ − max)`.
///
/// Backward is the full Jacobian-vector product `dxᵢ = yᵢ·(doutᵢ − Σⱼ doutⱼ·yⱼ)`. For training a
/// classifier, prefer logits plus a fused loss (`SoftmaxCrossEntropy`), which is simpler and stabler.
package final class Softmax: Layer {
  package let name: String
  private var output = Tensor(zeros: [0, 0])  // [rows, classes]

  package init(name: String) {
    self.name = name
  }

  package func outputShape(forInput sampleShape: [Int]) -> [Int] { sampleShape }

  package func forward(_ x: Tensor, training: Bool) -> Tensor {
    let classes = x.shape.last ?? 1
    let rows = x.count / max(classes, 1)
    var out = x
    out.scalars.withUnsafeMutableBufferPointer { y in
      for row in 0..<rows {
        let base = row * classes
        var maxValue = -Float.infinity
        for j in 0..<classes { maxValue = max(maxValue, y[base + j]) }
        var sum: Float = 0
        for j in 0..<classes {
          let e = expf(y[base + j] - maxValue)
          y[base + j] = e
          sum += e
        }
        let inverse = 1 / sum
        for j in 0..<classes { y[base + j] *= inverse }
      }
    }
    output = out
    return out
  }

  package func backward(_ dout: Tensor) -> Tensor {
    precondition(
      dout.shape == output.shape,
      "Softmax \(name): dout \(dout.shape) does not match \(output.shape)")
    let classes = output.shape.last ?? 1
    let rows = output.count / max(classes, 1)
    var dx = dout
    dx.scalars.withUnsafeMutableBufferPointer { d in
      output.scalars.withUnsafeBufferPointer { y in
        for row in 0..<rows {
          let base = row * classes
          var dot: Float = 0
          for j in 0..<classes { dot += d[base + j] * y[base + j] }
          for j in 0..<classes { d[base + j] = y[base + j] * (d[base + j] - dot) }
        }
      }
    }
    return dx
  }
}
