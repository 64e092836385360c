/// `max(0, x)`, elementwise. Records the fraction of units that were zero in the last forward
/// pass (dead-ReLU signal for diagnosis).
package final class ReLU: Layer {
  package let name: String
  private var mask: [Bool] = []
  /// Fraction of this layer's units that output zero for every sample of the last batch.
  package private(set) var deadFraction: Double = 0

  package init(name: String) {
    self.name = name
  }

  package func outputShape(forInput sampleShape: [Int]) -> [Int] { sampleShape }

  package func forward(_ x: Tensor, training: Bool) -> Tensor {
    var out = x
    mask = [Bool](repeating: false, count: x.count)
    out.scalars.withUnsafeMutableBufferPointer { y in
      mask.withUnsafeMutableBufferPointer { m in
        for i in y.indices {
          if y[i] > 0 { m[i] = true } else { y[i] = 0 }
        }
      }
    }
    let units = x.columnsPerRow
    if units > 0 && x.rows > 0 {
      var dead = 0
      for unit in 0..<units {
        var alive = false
        for row in 0..<x.rows where mask[row * units + unit] {
          alive = true
          break
        }
        if !alive { dead += 1 }
      }
      deadFraction = Double(dead) / Double(units)
    }
    return out
  }

  package func backward(_ dout: Tensor) -> Tensor {
    var dx = dout
    dx.scalars.withUnsafeMutableBufferPointer { d in
      for i in d.indices where !mask[i] { d[i] = 0 }
    }
    return dx
  }
}
