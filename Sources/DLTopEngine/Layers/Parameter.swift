/// A trainable tensor and the gradient accumulated into it by `backward`.
///
/// A class, so layers and optimizers share one instance: the layer writes `grad`, the optimizer
/// reads `grad` and writes `value`, and the optimizer keys its state by `ObjectIdentifier`.
package final class Parameter {
  /// A readable name such as `dense1.W`, used in reports (gradient norm per layer).
  package let name: String
  package var value: Tensor
  package var grad: Tensor
  /// Whether L2 weight decay applies (weights yes, biases and BatchNorm γ/β no).
  package let decays: Bool

  package init(name: String, value: Tensor, decays: Bool = true) {
    self.name = name
    self.value = value
    self.grad = Tensor(zeros: value.shape)
    self.decays = decays
  }

  /// Sets the gradient to zero before the next backward pass.
  package func zeroGrad() {
    let count = grad.count
    grad.scalars.withUnsafeMutableBufferPointer { g in
      // One memset, not a checked store per element.
      g.baseAddress?.update(repeating: 0, count: count)
    }
  }
}
