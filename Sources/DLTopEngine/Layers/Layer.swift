/// One step of a network: `forward` caches what `backward` needs; `backward` adds (`+=`) into each
/// parameter's `grad` and returns the gradient with respect to its input.
///
/// Shapes: activations are `[batch, …sample shape]`; images are NHWC `[batch, height, width, channels]`.
/// Layers are classes (they hold caches and parameters) and are used by one thread at a time.
package protocol Layer: AnyObject {
  /// A readable name, unique within a model (`dense1`, `conv2`, `relu3`).
  var name: String { get }
  /// The trainable parameters, empty for parameter-free layers.
  var parameters: [Parameter] { get }
  /// The output shape of one sample for an input sample shape (no batch dimension).
  func outputShape(forInput sampleShape: [Int]) -> [Int]
  /// Computes the output of a batch. `training` switches dropout and batch-norm statistics.
  func forward(_ x: Tensor, training: Bool) -> Tensor
  /// Given `dout` = ∂L/∂output of the last `forward`, accumulates parameter gradients and returns
  /// ∂L/∂input. Must not mutate `dout`.
  func backward(_ dout: Tensor) -> Tensor
}

extension Layer {
  package var parameters: [Parameter] { [] }
}
