/// Plain stochastic gradient descent: `W ← W − η·g`.
package final class SGD: Optimizer {
  package let name = "sgd"

  package init() {}

  package func update(_ parameters: [Parameter], learningRate: Float) {
    let eta = learningRate
    for parameter in parameters {
      parameter.grad.scalars.withUnsafeBufferPointer { g in
        parameter.value.scalars.withUnsafeMutableBufferPointer { w in
          for i in 0..<w.count { w[i] -= eta * g[i] }
        }
      }
    }
  }
}
