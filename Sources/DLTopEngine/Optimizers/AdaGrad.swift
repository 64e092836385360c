/// AdaGrad: `h ← h + g⊙g; W ← W − η·g/(√h + ε)` with ε = 1e-7.
package final class AdaGrad: SlotOptimizer {
  package let name = "adagrad"
  package let epsilon: Float
  var state = OptimizerState(buffers: 1)

  package init(epsilon: Float = 1e-7) {
    self.epsilon = epsilon
  }

  package func update(_ parameters: [Parameter], learningRate: Float) {
    let eta = learningRate
    let eps = epsilon
    updateEach(parameters) { g, h, w in
      for i in 0..<w.count {
        let gi = g[i]
        let hi = h[i] + gi * gi
        h[i] = hi
        w[i] -= eta * gi / (hi.magnitude.squareRoot() + eps)  // h ≥ 0: see Adam
      }
    }
  }
}
