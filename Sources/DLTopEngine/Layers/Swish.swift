/// `swish(x) = x·σ(x)`, elementwise; `dx = dout · (σ(x) + x·σ(x)·(1 − σ(x)))`.
package final class Swish: Layer {
  package let name: String
  private var input: [Float] = []  // x
  private var sigmoid: [Float] = []  // σ(x)

  package init(name: String) {
    self.name = name
  }

  package func outputShape(forInput sampleShape: [Int]) -> [Int] { sampleShape }

  package func forward(_ x: Tensor, training: Bool) -> Tensor {
    input = x.scalars
    sigmoid = x.scalars.map(Sigmoid.sigmoid)
    var out = x
    out.scalars.withUnsafeMutableBufferPointer { y in
      sigmoid.withUnsafeBufferPointer { s in
        for i in y.indices { y[i] *= s[i] }
      }
    }
    return out
  }

  package func backward(_ dout: Tensor) -> Tensor {
    precondition(
      dout.count == input.count, "Swish \(name): dout \(dout.shape) does not match the last input")
    var dx = dout
    dx.scalars.withUnsafeMutableBufferPointer { d in
      input.withUnsafeBufferPointer { x in
        sigmoid.withUnsafeBufferPointer { s in
          for i in d.indices { d[i] *= s[i] + x[i] * s[i] * (1 - s[i]) }
        }
      }
    }
    return dx
  }
}
