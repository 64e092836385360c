/// RMSProp: `h ← ρh + (1 − ρ)·g⊙g; W ← W − η·g/(√h + ε)` with ρ = 0.9, ε = 1e-7.
package final class RMSProp: SlotOptimizer {
  package let name = "rmsprop"
  /// The decay ρ of the moving average of squared gradients.
  package let decay: Float
  package let epsilon: Float
  var state = OptimizerState(buffers: 1)

  package init(decay: Float = 0.9, epsilon: Float = 1e-7) {
    self.decay = decay
    self.epsilon = epsilon
  }

  package func update(_ parameters: [Parameter], learningRate: Float) {
    let eta = learningRate
    let rho = decay
    let keep = 1 - decay
    let eps = epsilon
    updateEach(parameters) { g, h, w in
      for i in 0..<w.count {
        let gi = g[i]
        let hi = rho * h[i] + keep * gi * gi
        h[i] = hi
        w[i] -= eta * gi / (hi.magnitude.squareRoot() + eps)  // h ≥ 0: see Adam
      }
    }
  }
}
