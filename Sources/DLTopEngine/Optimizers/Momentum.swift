/// SGD with momentum: `v ← αv − η·g; W ← W + v` (α = 0.9 by default).
package final class Momentum: SlotOptimizer {
  package let name = "momentum"
  /// The momentum coefficient α.
  package let momentum: Float
  var state = OptimizerState(buffers: 1)

  package init(momentum: Float = 0.9) {
    self.momentum = momentum
  }

  package func update(_ parameters: [Parameter], learningRate: Float) {
    let eta = learningRate
    let alpha = momentum
    updateEach(parameters) { g, v, w in
      for i in 0..<w.count {
        let velocity = alpha * v[i] - eta * g[i]
        v[i] = velocity
        w[i] += velocity
      }
    }
  }
}
