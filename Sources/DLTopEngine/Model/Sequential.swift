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
    var activation = x
    var index = 0
    while index < layers.count {
      (activation, index) = forwardStep(activation, throughLayerAt: index, training: training)
    }
    return activation
  }

  /// One step of `forward`: through the layer at `index`, returning the activation and the index
  /// of the next layer. A ReLU right after a convolution rectifies the convolution's output slice
  /// by slice while it is in cache, and a max pooling right after that ReLU pools those slices
  /// there too (`Conv2D.forward(_:training:rectifyingWith:pooling:)`, the same numbers as the
  /// separate passes); the step covers all of them.
  package func forwardStep(_ x: Tensor, throughLayerAt index: Int, training: Bool)
    -> (Tensor, next: Int)
  {
    if let conv = layers[index] as? Conv2D, index + 1 < layers.count,
      let relu = layers[index + 1] as? ReLU
    {
      if index + 2 < layers.count, let pool = layers[index + 2] as? MaxPool2D {
        return (
          conv.forward(x, training: training, rectifyingWith: relu, pooling: pool), index + 3
        )
      }
      return (conv.forward(x, training: training, rectifyingWith: relu), index + 2)
    }
    return (layers[index].forward(x, training: training), index + 1)
  }

  /// Backpropagates `dout` through every layer, accumulating parameter gradients.
  @discardableResult
  package func backward(_ dout: Tensor) -> Tensor {
    var gradient = dout
    var index = layers.count - 1
    while index >= 0 { (gradient, index) = backwardStep(gradient, throughLayerAt: index) }
    return gradient
  }

  /// One step of `backward`: through the layer at `index`, returning the gradient and the index of
  /// the next layer to go through. A ReLU that feeds a max pooling goes backward inside the
  /// pooling's pass (`MaxPool2D.backward(_:maskingNonPositive:)`, bit-identical to the two passes;
  /// the ReLU has no parameters, so nothing of it is left to do), and the step skips it.
  package func backwardStep(_ gradient: Tensor, throughLayerAt index: Int) -> (Tensor, next: Int) {
    if let pool = layers[index] as? MaxPool2D, index > 0, layers[index - 1] is ReLU {
      return (pool.backward(gradient, maskingNonPositive: true), index - 2)
    }
    return (layers[index].backward(gradient), index - 1)
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
