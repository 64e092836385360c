import Foundation

/// `tanh(x)`, elementwise; `dx = dout · (1 − tanh²(x))`.
package final class Tanh: Layer {
  package let name: String
  private var output: [Float] = []  // tanh(x), same shape as x

  package init(name: String) {
    self.name = name
  }

  package func outputShape(forInput sampleShape: [Int]) -> [Int] { sampleShape }

  package func forward(_ x: Tensor, training: Bool) -> Tensor {
    var out = x
    out.scalars.withUnsafeMutableBufferPointer { y in
      for i in y.indices { y[i] = tanhf(y[i]) }
    }
    output = out.scalars
    return out
  }

  package func backward(_ dout: Tensor) -> Tensor {
    precondition(
      dout.count == output.count, "Tanh \(name): dout \(dout.shape) does not match the last output")
    var dx = dout
    dx.scalars.withUnsafeMutableBufferPointer { d in
      output.withUnsafeBufferPointer { t in
        for i in d.indices { d[i] *= 1 - t[i] * t[i] }
      }
    }
    return dx
  }
}
