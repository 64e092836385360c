/// Reshapes each sample to one row: `[batch, …]` → `[batch, features]`. No copy of the data.
package final class Flatten: Layer {
  package let name: String
  private var inputShape: [Int] = []

  package init(name: String) {
    self.name = name
  }

  package func outputShape(forInput sampleShape: [Int]) -> [Int] { [sampleShape.reduce(1, *)] }

  package func forward(_ x: Tensor, training: Bool) -> Tensor {
    inputShape = x.shape
    return x.reshaped(to: [x.rows, x.columnsPerRow])  // [batch, features]
  }

  package func backward(_ dout: Tensor) -> Tensor {
    dout.reshaped(to: inputShape)
  }
}
