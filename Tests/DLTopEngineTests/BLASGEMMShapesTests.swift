import Testing

@testable import DLTopEngine

/// `BLAS.gemm` sends products with one row, one column or one inner term to sgemv or sger. Every
/// transpose and stride combination must still compute `C = alpha·op(A)·op(B) + beta·C`.
struct BLASGEMMShapesTests {
  /// Checks one call against a Double reference, with row strides 3 wider than packed.
  private func check(m: Int, n: Int, k: Int, transposeA: Bool, transposeB: Bool, beta: Float) {
    var generator = SeededGenerator(seed: UInt64(m * 131 + n * 17 + k))
    func value() -> Float { generator.nextUnitFloat() * 2 - 1 }
    let (aRows, aColumns) = transposeA ? (k, m) : (m, k)
    let (bRows, bColumns) = transposeB ? (n, k) : (k, n)
    let (lda, ldb, ldc) = (aColumns + 3, bColumns + 3, n + 3)
    let a = (0..<aRows * lda).map { _ in value() }
    let b = (0..<bRows * ldb).map { _ in value() }
    var c = (0..<m * ldc).map { _ in value() }
    let alpha: Float = 0.5
    var expected = c
    for i in 0..<m {
      for j in 0..<n {
        var sum = 0.0
        for p in 0..<k {
          let left = transposeA ? a[p * lda + i] : a[i * lda + p]
          let right = transposeB ? b[j * ldb + p] : b[p * ldb + j]
          sum += Double(left) * Double(right)
        }
        expected[i * ldc + j] = Float(Double(alpha) * sum + Double(beta) * Double(c[i * ldc + j]))
      }
    }
    c.withUnsafeMutableBufferPointer { cb in
      BLAS.gemm(
        transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, alpha: alpha, a: a,
        lda: lda, b: b, ldb: ldb, beta: beta, c: cb.baseAddress!, ldc: ldc)
    }
    for index in 0..<c.count {
      #expect(
        abs(c[index] - expected[index]) <= 1e-5 * Float(k + 1),
        "m \(m) n \(n) k \(k) tA \(transposeA) tB \(transposeB) beta \(beta) at \(index)")
    }
  }

  @Test(arguments: [
    (1, 37, 29), (23, 1, 29), (23, 37, 1), (1, 1, 29), (1, 37, 1), (23, 1, 1),
    (1, 1, 1), (23, 37, 29),
  ])
  func everyTransposeAndBetaComputesTheProduct(shape: (Int, Int, Int)) {
    for transposeA in [false, true] {
      for transposeB in [false, true] {
        for beta: Float in [0, 1, 0.25] {
          check(
            m: shape.0, n: shape.1, k: shape.2, transposeA: transposeA, transposeB: transposeB,
            beta: beta)
        }
      }
    }
  }
}
