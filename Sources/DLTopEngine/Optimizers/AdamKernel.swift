import CVectorKernels

/// Adam's elementwise step over one stretch of a parameter, on the widest vectors the processor
/// has. Swift builds for the x86-64 baseline (4 floats per instruction), and at batch 1 Adam's
/// square roots and divisions are half of a CNN step; the header-only `CVectorKernels` runs them
/// 8 (AVX2) or 16 (AVX-512) at a time. Every path performs the same correctly rounded operations
/// in the same order as the scalar loop here, so the weights are bit-identical on every machine
/// (`AdamKernelTests` checks each level this processor has against the scalar loop).
package enum AdamKernel {
  /// The coefficients of one update: m ← b1·m + keep1·g, v ← b2·v + keep2·g², and
  /// w ← w − (eta·(m·correction1)) / (√|v·correction2| + epsilon).
  package struct Coefficients: Sendable {
    package var b1: Float
    package var keep1: Float
    package var b2: Float
    package var keep2: Float
    package var correction1: Float
    package var correction2: Float
    package var eta: Float
    package var epsilon: Float
  }

  /// 2 for AVX-512F, 1 for AVX2, 0 for neither (then the scalar loop does everything).
  package static let widestLevel = Int(dltop_vector_level())

  /// Updates `count` elements from each base address at `level` (at most `widestLevel`).
  package static func update(
    weights w: UnsafeMutablePointer<Float>, first m: UnsafeMutablePointer<Float>,
    second v: UnsafeMutablePointer<Float>, gradient g: UnsafePointer<Float>, count: Int,
    _ c: Coefficients, level: Int = widestLevel
  ) {
    precondition(level <= widestLevel, "AdamKernel: level \(level) is not available here")
    let done = dltop_adam_update_prefix(
      Int32(level), w, m, v, g, count, c.b1, c.keep1, c.b2, c.keep2, c.correction1,
      c.correction2, c.eta, c.epsilon)
    for i in done..<count {
      let gi = g[i]
      let mi = c.b1 * m[i] + c.keep1 * gi
      let vi = c.b2 * v[i] + c.keep2 * (gi * gi)
      m[i] = mi
      v[i] = vi
      let mHat = mi * c.correction1
      let vHat = vi * c.correction2
      // `v ≥ 0`, so `.magnitude` changes nothing, but it lets the compiler use a vector square
      // root (without it, `squareRoot()` keeps a scalar errno path for x < 0).
      w[i] -= c.eta * mHat / (vHat.magnitude.squareRoot() + c.epsilon)
    }
  }
}
