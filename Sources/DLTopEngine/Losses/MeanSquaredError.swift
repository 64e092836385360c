/// Mean squared error, `L = 1/(batch·outputs) · Σ (prediction − target)²` (Keras `mse`: the mean
/// over outputs, then over the batch). Targets are `.values` `[batch, outputs]`.
package final class MeanSquaredError: Loss {
  package let name = "mean_squared_error"
  private var difference: [Float] = []  // prediction − target, [batch, outputs]
  private var shape: [Int] = []

  package init() {}

  package func forward(_ prediction: Tensor, _ targets: Targets) -> Float {
    let t = targets.matrix(rows: prediction.rows, columns: prediction.columnsPerRow, for: name)
    shape = prediction.shape
    difference = zip(prediction.scalars, t).map { $0 - $1 }
    var total: Double = 0
    for d in difference { total += Double(d * d) }
    return Float(total / Double(max(difference.count, 1)))
  }

  package func backward() -> Tensor {
    let scale = 2 / Float(max(difference.count, 1))
    return Tensor(shape: shape, scalars: difference.map { $0 * scale })  // [batch, outputs]
  }
}
