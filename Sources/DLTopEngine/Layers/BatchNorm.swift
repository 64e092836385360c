/// Batch normalization over the last axis: features of `[batch, features]`, or channels of NHWC
/// `[batch, h, w, c]` (statistics over batch, height and width, per channel).
///
/// Training: `x̂ = (x − μ_B)/√(σ²_B + ε)` with the mini-batch mean and (biased) variance, then
/// `y = γ·x̂ + β`; the running statistics move as `r ← momentum·r + (1 − momentum)·batch value`,
/// Keras's rule with momentum 0.99. Inference uses the running statistics instead.
/// `γ` starts at 1 and `β` at 0; neither takes weight decay.
package final class BatchNorm: Layer {
  package let name: String
  package let gamma: Parameter
  package let beta: Parameter
  package let momentum: Float
  package let epsilon: Float
  /// Running mean per feature, used at inference: `[features]`, starts at 0.
  package var runningMean: [Float]
  /// Running variance per feature, used at inference: `[features]`, starts at 1.
  package var runningVariance: [Float]
  private var normalized: [Float] = []  // x̂, same shape as the input
  private var inverseStd: [Float] = []  // [features]
  private var inputShape: [Int] = []
  private var lastWasTraining = false

  /// - Parameters:
  ///   - features: the size of the last axis (units of a dense layer, channels of an image).
  ///   - momentum: weight of the old running statistics, Keras's default 0.99.
  ///   - epsilon: added to the variance, 1e-5 as in SPEC.md.
  package init(name: String, features: Int, momentum: Float = 0.99, epsilon: Float = 1e-5) {
    precondition(features >= 1, "BatchNorm \(name): features \(features) must be at least 1")
    self.name = name
    self.gamma = Parameter(
      name: "\(name).gamma", value: Tensor(repeating: 1, shape: [features]), decays: false)
    self.beta = Parameter(name: "\(name).beta", value: Tensor(zeros: [features]), decays: false)
    self.momentum = momentum
    self.epsilon = epsilon
    self.runningMean = [Float](repeating: 0, count: features)
    self.runningVariance = [Float](repeating: 1, count: features)
  }

  package var features: Int { gamma.value.count }
  package var parameters: [Parameter] { [gamma, beta] }

  package func outputShape(forInput sampleShape: [Int]) -> [Int] { sampleShape }

  package func forward(_ x: Tensor, training: Bool) -> Tensor {
    let c = features
    precondition(
      x.rank >= 2 && x.shape.last == c,
      "BatchNorm \(name): input \(x.shape) must end in \(c) features")
    inputShape = x.shape
    lastWasTraining = training
    let n = x.count / c  // values per feature
    var mean = runningMean
    var variance = runningVariance
    if training {
      (mean, variance) = Self.moments(x, features: c)
      for j in 0..<c {
        runningMean[j] = momentum * runningMean[j] + (1 - momentum) * mean[j]
        runningVariance[j] = momentum * runningVariance[j] + (1 - momentum) * variance[j]
      }
    }
    inverseStd = variance.map { 1 / ($0 + epsilon).squareRoot() }
    normalized = [Float](repeating: 0, count: x.count)
    var y = [Float](repeating: 0, count: x.count)
    x.scalars.withUnsafeBufferPointer { xs in
      normalized.withUnsafeMutableBufferPointer { xhat in
        y.withUnsafeMutableBufferPointer { ys in
          gamma.value.scalars.withUnsafeBufferPointer { g in
            beta.value.scalars.withUnsafeBufferPointer { b in
              for row in 0..<n {
                let base = row * c
                for j in 0..<c {
                  let v = (xs[base + j] - mean[j]) * inverseStd[j]
                  xhat[base + j] = v
                  ys[base + j] = g[j] * v + b[j]
                }
              }
            }
          }
        }
      }
    }
    return Tensor(shape: x.shape, scalars: y)
  }

  package func backward(_ dout: Tensor) -> Tensor {
    let c = features
    precondition(
      dout.count == normalized.count,
      "BatchNorm \(name): dout \(dout.shape) does not match \(inputShape)")
    let n = dout.count / c
    var sumD = [Float](repeating: 0, count: c)  // Σ dout per feature
    var sumDX = [Float](repeating: 0, count: c)  // Σ dout·x̂ per feature
    var dx = [Float](repeating: 0, count: dout.count)
    dout.scalars.withUnsafeBufferPointer { d in
      normalized.withUnsafeBufferPointer { xhat in
        for row in 0..<n {
          let base = row * c
          for j in 0..<c {
            sumD[j] += d[base + j]
            sumDX[j] += d[base + j] * xhat[base + j]
          }
        }
        // dβ += Σ dout, dγ += Σ dout·x̂
        beta.grad.scalars.withUnsafeMutableBufferPointer { db in
          for j in 0..<c { db[j] += sumD[j] }
        }
        gamma.grad.scalars.withUnsafeMutableBufferPointer { dg in
          for j in 0..<c { dg[j] += sumDX[j] }
        }
        let g = gamma.value.scalars
        dx.withUnsafeMutableBufferPointer { out in
          if lastWasTraining {
            // dx = γ/(N·σ) · (N·dout − Σdout − x̂·Σ(dout·x̂))
            let count = Float(n)
            for row in 0..<n {
              let base = row * c
              for j in 0..<c {
                let scale = g[j] * inverseStd[j] / count
                out[base + j] = scale * (count * d[base + j] - sumD[j] - xhat[base + j] * sumDX[j])
              }
            }
          } else {
            // the statistics are constants: dx = γ/σ · dout
            for row in 0..<n {
              let base = row * c
              for j in 0..<c { out[base + j] = g[j] * inverseStd[j] * d[base + j] }
            }
          }
        }
      }
    }
    return Tensor(shape: inputShape, scalars: dx)
  }

  /// Mean and biased variance per feature (last axis), two passes for accuracy.
  private static func moments(_ x: Tensor, features c: Int) -> (mean: [Float], variance: [Float]) {
    let n = x.count / c
    var mean = [Float](repeating: 0, count: c)
    var variance = [Float](repeating: 0, count: c)
    x.scalars.withUnsafeBufferPointer { xs in
      for row in 0..<n {
        for j in 0..<c { mean[j] += xs[row * c + j] }
      }
      for j in 0..<c { mean[j] /= Float(max(n, 1)) }
      for row in 0..<n {
        for j in 0..<c {
          let centered = xs[row * c + j] - mean[j]
          variance[j] += centered * centered
        }
      }
      for j in 0..<c { variance[j] /= Float(max(n, 1)) }
    }
    return (mean, variance)
  }
}
