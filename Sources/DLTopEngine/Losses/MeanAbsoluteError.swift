/// Mean absolute error, `L = 1/(batch·outputs) · Σ |prediction − target|`. Targets are `.values`
/// `[batch, outputs]`. The gradient at an exact match is taken as 0.
package final class MeanAbsoluteError: Loss {
  package let name = "mean_absolute_error"
  private var difference: [Float] = []  // prediction − target, [batch, outputs]
  private var shape: [Int] = []

  package init() {}

  package func forward(_ prediction: Tensor, _ targets: Targets) -> Float {
    let t = targets.matrix(rows: prediction.rows, columns: prediction.columnsPerRow, for: name)
    shape = prediction.shape
    difference = zip(prediction.scalars, t).map { $0 - $1 }
    var total: Double = 0
    for d in difference { total += Double(abs(d)) }
    return Float(total / Double(max(difference.count, 1)))
  }

  package func backward() -> Tensor {
    let scale = 1 / Float(max(difference.count, 1))
    let dx = difference.map { d -> Float in d > 0 ? scale : (d < 0 ? -scale : 0) }
    return Tensor(shape: shape, scalars: dx)  // [batch, outputs]
  }
}
