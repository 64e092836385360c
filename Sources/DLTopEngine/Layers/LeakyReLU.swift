/// `x` for `x > 0`, `α·x` otherwise, elementwise. Units never die (the slope is never 0), so this
/// layer reports no dead fraction.
package final class LeakyReLU: Layer {
  package let name: String
  /// The slope for negative inputs.
  package let alpha: Float
  private var input: [Float] = []  // same shape as x

  package init(name: String, alpha: Float = 0.01) {
    self.name = name
    self.alpha = alpha
  }

  package func outputShape(forInput sampleShape: [Int]) -> [Int] { sampleShape }

  package func forward(_ x: Tensor, training: Bool) -> Tensor {
    input = x.scalars
    var out = x
    out.scalars.withUnsafeMutableBufferPointer { y in
      for i in y.indices where y[i] <= 0 { y[i] *= alpha }
    }
    return out
  }

  package func backward(_ dout: Tensor) -> Tensor {
    precondition(
      dout.count == input.count,
      "LeakyReLU \(name): dout \(dout.shape) does not match the last input")
    var dx = dout
    dx.scalars.withUnsafeMutableBufferPointer { d in
      input.withUnsafeBufferPointer { x in
        for i in d.indices where x[i] <= 0 { d[i] *= alpha }
      }
    }
    return dx
  }
}
