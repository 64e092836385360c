import Foundation

/// Adam with bias correction (Kingma & Ba), the Keras defaults β1 0.9, β2 0.999, ε 1e-7:
///
///     m ← β1·m + (1 − β1)·g        v ← β2·v + (1 − β2)·g⊙g
///     m̂ = m/(1 − β1ᵗ)              v̂ = v/(1 − β2ᵗ)
///     W ← W − η·m̂/(√v̂ + ε)
///
/// `t` counts the updates of each parameter, from 1.
package final class Adam: SlotOptimizer {
  package let name = "adam"
  package let beta1: Float
  package let beta2: Float
  package let epsilon: Float
  var state = OptimizerState(buffers: 2)

  package init(beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-7) {
    self.beta1 = beta1
    self.beta2 = beta2
    self.epsilon = epsilon
  }

  package func update(_ parameters: [Parameter], learningRate: Float) {
    for parameter in parameters {
      let slots = state.slots(for: parameter)
      slots.steps += 1
      let t = Double(slots.steps)
      let coefficients = AdamKernel.Coefficients(
        b1: beta1, keep1: 1 - beta1, b2: beta2, keep2: 1 - beta2,
        correction1: Float(1 / (1 - pow(Double(beta1), t))),
        correction2: Float(1 / (1 - pow(Double(beta2), t))), eta: learningRate, epsilon: epsilon)
      let count = parameter.value.count
      precondition(
        parameter.grad.count == count, "Adam: \(parameter.name) grad and value differ in size")
      parameter.grad.scalars.withUnsafeBufferPointer { gBuffer in
        slots.first.withUnsafeMutableBufferPointer { mBuffer in
          slots.second.withUnsafeMutableBufferPointer { vBuffer in
            parameter.value.scalars.withUnsafeMutableBufferPointer { wBuffer in
              guard count > 0, let g = gBuffer.baseAddress, let m = mBuffer.baseAddress,
                let v = vBuffer.baseAddress, let w = wBuffer.baseAddress
              else { return }
              // Large weights are cut into lanes on the cores (the update is elementwise, so the
              // numbers do not depend on the cut).
              let lanes = count < 32_768 ? 1 : ParallelWork.laneCount
              ParallelWork.run(lanes: lanes) { lane in
                let range = ParallelWork.range(lane: lane, of: lanes, count: count, alignment: 16)
                let start = range.lowerBound
                AdamKernel.update(
                  weights: w + start, first: m + start, second: v + start, gradient: g + start,
                  count: range.count, coefficients)
              }
            }
          }
        }
      }
    }
  }
}
