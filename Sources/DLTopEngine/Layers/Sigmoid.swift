import Foundation

/// `σ(x) = 1/(1 + e^(−x))`, elementwise; `dx = dout · σ(x)·(1 − σ(x))`.
package final class Sigmoid: Layer {
  package let name: String
  private var output: [Float] = []  // σ(x), same shape as x

  package init(name: String) {
    self.name = name
  }

  package func outputShape(forInput sampleShape: [Int]) -> [Int] { sampleShape }

  package func forward(_ x: Tensor, training: Bool) -> Tensor {
    var out = x
    out.scalars.withUnsafeMutableBufferPointer { y in
      for i in y.indices { y[i] = Self.sigmoid(y[i]) }
    }
    output = out.scalars
    return out
  }

  package func backward(_ dout: Tensor) -> Tensor {
    precondition(
      dout.count == output.count,
      "Sigmoid \(name): dout \(dout.shape) does not match the last output")
    var dx = dout
    dx.scalars.withUnsafeMutableBufferPointer { d in
      output.withUnsafeBufferPointer { s in
        for i in d.indices { d[i] *= s[i] * (1 - s[i]) }
      }
    }
    return dx
  }

  /// The logistic function, written so that neither branch overflows.
  static func sigmoid(_ x: Float) -> Float {
    if x >= 0 { return 1 / (1 + expf(-x)) }
    let e = expf(x)
    return e / (1 + e)
  }
}
