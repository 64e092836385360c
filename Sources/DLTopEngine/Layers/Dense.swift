/// A fully connected layer: `y = x·W + b`.
///
/// `W`: `[inFeatures, outFeatures]`, `b`: `[outFeatures]`. Inputs of higher rank are flattened per sample.
package final class Dense: Layer {
  package let name: String
  package let weight: Parameter
  package let bias: Parameter
  /// Whether `backward` computes ∂L/∂x. A model's first layer sees data, whose gradient nobody
  /// reads, so the `Trainer` turns this off there and saves a third of the layer's matrix products
  /// per batch; `backward` then returns zeros of the input's shape.
  package var computesInputGradient = true
  private var zeroInputGradient = Tensor(zeros: [0])  // returned while computesInputGradient is off
  private var input = Tensor(zeros: [0, 0])  // [batch, in]
  private var inputShape: [Int] = []
  private var outputBuffer = ReusableBuffer()  // [batch, out]
  private var gradientBuffer = ReusableBuffer()  // [batch, in]

  package init(name: String, weight: Tensor, bias: Tensor) {
    precondition(
      weight.rank == 2 && bias.shape == [weight.shape[1]], "Dense W \(weight.shape) b \(bias.shape)"
    )
    self.name = name
    self.weight = Parameter(name: "\(name).W", value: weight)
    self.bias = Parameter(name: "\(name).b", value: bias, decays: false)
  }

  package var inFeatures: Int { weight.value.shape[0] }
  package var outFeatures: Int { weight.value.shape[1] }
  package var parameters: [Parameter] { [weight, bias] }

  package func outputShape(forInput sampleShape: [Int]) -> [Int] { [outFeatures] }

  package func forward(_ x: Tensor, training: Bool) -> Tensor {
    inputShape = x.shape
    let x2 = x.reshaped(to: [x.rows, x.columnsPerRow])  // [batch, in]
    precondition(
      x2.shape[1] == inFeatures, "\(name): input \(x.shape) does not match W \(weight.value.shape)")
    input = x2
    let (batch, n) = (x2.rows, outFeatures)
    // y = b broadcast to every row, then y += x·W: one pass, no zero fill, no fresh array.
    let y = x2.scalars.withUnsafeBufferPointer { x in
      weight.value.scalars.withUnsafeBufferPointer { w in
        bias.value.scalars.withUnsafeBufferPointer { b in
          outputBuffer.fill(count: batch * n) { y in
            for row in 0..<batch {
              (y.baseAddress! + row * n).update(from: b.baseAddress!, count: n)
            }
            if batch > 0 {
              BLAS.gemm(
                m: batch, n: n, k: inFeatures, a: x.baseAddress!, b: w.baseAddress!, beta: 1,
                c: y.baseAddress!)
            }
          }
        }
      }
    }
    return Tensor(shape: [batch, n], scalars: y)
  }

  package func backward(_ dout: Tensor) -> Tensor {
    // dW [in, out] += xᵀ · dout; db [out] += Σ_batch dout; dx [batch, in] = dout · Wᵀ
    let batch = input.rows
    let n = outFeatures
    input.scalars.withUnsafeBufferPointer { x in
      dout.scalars.withUnsafeBufferPointer { d in
        weight.grad.scalars.withUnsafeMutableBufferPointer { dW in
          BLAS.gemm(
            transposeA: true, m: inFeatures, n: n, k: batch, a: x.baseAddress!, b: d.baseAddress!,
            beta: 1, c: dW.baseAddress!)
        }
        bias.grad.scalars.withUnsafeMutableBufferPointer { db in
          for row in 0..<batch {
            let base = row * n
            for j in 0..<n { db[j] += d[base + j] }
          }
        }
      }
    }
    guard computesInputGradient else {
      // The same zeros every batch, no allocation (a caller that changes them gets a copy).
      if zeroInputGradient.shape != inputShape { zeroInputGradient = Tensor(zeros: inputShape) }
      return zeroInputGradient
    }
    // dx [batch, in] = dout · Wᵀ, into a reused buffer (a fresh 1.6 MB array per batch for the
    // CNN's first dense layer page-faulted in every batch).
    let dx = dout.scalars.withUnsafeBufferPointer { d in
      weight.value.scalars.withUnsafeBufferPointer { w in
        gradientBuffer.fill(count: batch * inFeatures) { target in
          guard batch > 0 else { return }
          BLAS.gemm(
            transposeB: true, m: batch, n: inFeatures, k: n, a: d.baseAddress!,
            b: w.baseAddress!, c: target.baseAddress!)
        }
      }
    }
    return Tensor(shape: inputShape, scalars: dx)
  }
}
