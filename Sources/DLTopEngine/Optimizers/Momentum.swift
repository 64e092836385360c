/// SGD with momentum: `v ← αv − η·g; W ← W + v` (α = 0.9 by default).
package final class Momentum: Optimizer {
  package let name = "momentum"
  /// The momentum coefficient α.
  package let momentum: Float
  private var state = OptimizerState(buffers: 1)

  package init(momentum: Float = 0.9) {
    self.momentum = momentum
  }

  package func savedSlots(of parameters: [Parameter]) -> [OptimizerSlotRecord] {
    state.records(of: parameters)
  }

  package func restoreSlots(_ records: [OptimizerSlotRecord], of parameters: [Parameter])
    throws(ModelStateError)
  {
    try state.restore(records, of: parameters)
  }

  package func update(_ parameters: [Parameter], learningRate: Float) {
    let eta = learningRate
    let alpha = momentum
    for parameter in parameters {
      let slots = state.slots(for: parameter)
      slots.steps += 1
      parameter.grad.scalars.withUnsafeBufferPointer { g in
        slots.first.withUnsafeMutableBufferPointer { v in
          parameter.value.scalars.withUnsafeMutableBufferPointer { w in
            for i in 0..<w.count {
              let velocity = alpha * v[i] - eta * g[i]
              v[i] = velocity
              w[i] += velocity
            }
          }
        }
      }
    }
  }
}
