/// A loss: `forward` returns the mean loss over the batch and caches what `backward` needs;
/// `backward` returns ∂L/∂prediction with the batch mean already folded in.
package protocol Loss: AnyObject {
  /// A short name for reports, e.g. `sparse_categorical_crossentropy`.
  var name: String { get }
  /// Mean loss of `prediction` (`[batch, outputs]`) against `targets`.
  func forward(_ prediction: Tensor, _ targets: Targets) -> Float
  /// ∂(mean loss)/∂prediction of the last `forward`: `[batch, outputs]`.
  func backward() -> Tensor
}
