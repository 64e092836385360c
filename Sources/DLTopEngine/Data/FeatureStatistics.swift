/// Mean, population variance, minimum and maximum of each feature, or of all values at once.
///
/// Accumulates in `Double` so that large sets (47 million Fashion-MNIST pixels) and large values
/// (stock volumes near 10⁶) keep their precision.
/// - Complexity: one pass over the values.
package struct FeatureStatistics: Sendable, Equatable {
  package var mean: [Double]
  package var variance: [Double]
  package var minimum: [Double]
  package var maximum: [Double]

  /// - Parameter perFeature: one entry per feature (`features.columnsPerRow`) when `true`, a
  ///   single entry over every value when `false`.
  package init(_ features: Tensor, perFeature: Bool) {
    let width = perFeature ? features.columnsPerRow : 1
    var sum = [Double](repeating: 0, count: width)
    var sumSquares = [Double](repeating: 0, count: width)
    var low = [Double](repeating: .infinity, count: width)
    var high = [Double](repeating: -.infinity, count: width)
    features.scalars.withUnsafeBufferPointer { x in
      if width == 1 {
        var (s, q, lo, hi) = (0.0, 0.0, Double.infinity, -Double.infinity)
        for value in x {
          let v = Double(value)
          s += v
          q += v * v
          lo = min(lo, v)
          hi = max(hi, v)
        }
        (sum[0], sumSquares[0], low[0], high[0]) = (s, q, lo, hi)
        return
      }
      sum.withUnsafeMutableBufferPointer { s in
        sumSquares.withUnsafeMutableBufferPointer { q in
          low.withUnsafeMutableBufferPointer { lo in
            high.withUnsafeMutableBufferPointer { hi in
              var start = 0
              while start < x.count {
                for j in 0..<width {
                  let v = Double(x[start + j])
                  s[j] += v
                  q[j] += v * v
                  lo[j] = min(lo[j], v)
                  hi[j] = max(hi[j], v)
                }
                start += width
              }
            }
          }
        }
      }
    }
    let n = Double(max(1, features.count / width))
    mean = sum.map { $0 / n }
    variance = zip(sumSquares, mean).map { max(0, $0 / n - $1 * $1) }
    minimum = low
    maximum = high
  }
}
