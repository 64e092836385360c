/// Layers applied one after another; the network dltop trains.
package final class Sequential {
  package private(set) var layers: [any Layer]
  /// The shape of one input sample (no batch dimension).
  package let inputShape: [Int]

  package init(inputShape: [Int], layers: [any Layer]) {
    self.inputShape = inputShape
    self.layers = layers
  }

  /// Every trainable parameter, in layer order.
  package var parameters: [Parameter] { layers.flatMap(\.parameters) }

  /// The number of trainable scalars.
  package var parameterCount: Int { parameters.reduce(0) { $0 + $1.value.count } }

  /// The output shape of one sample.
  package var outputShape: [Int] {
    layers.reduce(inputShape) { shape, layer in layer.outputShape(forInput: shape) }
  }

  package func forward(_ x: Tensor, training: Bool) -> Tensor {
    layers.reduce(x) { activation, layer in layer.forward(activation, training: training) }
  }

  /// Backpropagates `dout` through every layer, accumulating parameter gradients.
  @discardableResult
  package func backward(_ dout: Tensor) -> Tensor {
    layers.reversed().reduce(dout) { gradient, layer in layer.backward(gradient) }
  }

  package func zeroGrad() {
    for parameter in parameters { parameter.zeroGrad() }
  }

  /// A copy of every parameter's value, to restore later (best epoch).
  package func weights() -> [Tensor] { parameters.map(\.value) }

  /// Restores values saved by `weights()`.
  package func restoreWeights(_ saved: [Tensor]) {
    let current = parameters
    precondition(
      saved.count == current.count,
      "restoreWeights: \(saved.count) tensors for \(current.count) parameters")
    for (parameter, value) in zip(current, saved) {
      precondition(
        parameter.value.shape == value.shape,
        "restoreWeights: \(parameter.name) \(parameter.value.shape) vs \(value.shape)")
      parameter.value = value
    }
  }
}
