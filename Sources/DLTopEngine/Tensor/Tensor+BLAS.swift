import CBLAS
import Foundation

/// Every `cblas_*` call of the engine lives in this file, so there is one place to read them.
package enum BLAS {
  /// `C = alpha · op(A) · op(B) + beta · C` on row-major buffers.
  ///
  /// - Parameters:
  ///   - m: rows of `op(A)` and `C`.
  ///   - n: columns of `op(B)` and `C`.
  ///   - k: columns of `op(A)`, rows of `op(B)`.
  ///   - lda, ldb, ldc: row strides; default to the packed widths.
  ///
  /// The corresponding CBLAS call is `cblas_sgemm` (`cblas_sgemv` or `cblas_sger` when `m`, `n` or
  /// `k` is 1).
  package static func gemm(
    transposeA: Bool = false, transposeB: Bool = false,
    m: Int, n: Int, k: Int,
    alpha: Float = 1, a: UnsafePointer<Float>, lda: Int? = nil,
    b: UnsafePointer<Float>, ldb: Int? = nil,
    beta: Float = 0, c: UnsafeMutablePointer<Float>, ldc: Int? = nil
  ) {
    let lda = lda ?? (transposeA ? m : k)
    let ldb = ldb ?? (transposeB ? k : n)
    let ldc = ldc ?? n
    // A product with one row, one column or one inner term is a matrix–vector product or a rank-1
    // update. OpenBLAS 0.3.21's sgemm still packs the whole other matrix for it (a dense layer's
    // 800 KB of weights, three times a step at batch 1), so those go to sgemv and sger.
    let positive = m > 0 && n > 0 && k > 0
    if positive && m == 1 {
      // C (1×n) = a·op(B): op(B)ᵀ·a, with a's elements `lda` apart when A is stored transposed.
      cblas_sgemv(
        CblasRowMajor, transposeB ? CblasNoTrans : CblasTrans, Int32(transposeB ? n : k),
        Int32(transposeB ? k : n), alpha, b, Int32(ldb), a, Int32(transposeA ? lda : 1), beta, c,
        1)
      return
    }
    if positive && n == 1 {
      // C (m×1) = op(A)·b, b's elements `ldb` apart unless B is stored transposed.
      cblas_sgemv(
        CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, Int32(transposeA ? k : m),
        Int32(transposeA ? m : k), alpha, a, Int32(lda), b, Int32(transposeB ? 1 : ldb), beta, c,
        Int32(ldc))
      return
    }
    if positive && k == 1 && (beta == 1 || beta == 0) {
      // C = beta·C + alpha·a·bᵀ: A's one column, B's one row.
      if beta == 0 {
        for row in 0..<m { (c + row * ldc).update(repeating: 0, count: n) }
      }
      cblas_sger(
        CblasRowMajor, Int32(m), Int32(n), alpha, a, Int32(transposeA ? 1 : lda), b,
        Int32(transposeB ? ldb : 1), c, Int32(ldc))
      return
    }
    cblas_sgemm(
      CblasRowMajor,
      transposeA ? CblasTrans : CblasNoTrans,
      transposeB ? CblasTrans : CblasNoTrans,
      Int32(m), Int32(n), Int32(k),
      alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
  }

  /// `y = alpha · op(A) · x + beta · y` for a row-major `A` of `rows × columns`.
  ///
  /// - Parameters:
  ///   - transpose: use `Aᵀ`, so `x` has `rows` elements and `y` has `columns`.
  ///
  /// The corresponding CBLAS call is `cblas_sgemv`.
  package static func gemv(
    transpose: Bool = false, rows: Int, columns: Int, alpha: Float = 1, a: UnsafePointer<Float>,
    x: UnsafePointer<Float>, beta: Float = 0, y: UnsafeMutablePointer<Float>
  ) {
    cblas_sgemv(
      CblasRowMajor, transpose ? CblasTrans : CblasNoTrans, Int32(rows), Int32(columns), alpha, a,
      Int32(columns), x, 1, beta, y, 1)
  }

  /// The number of threads OpenBLAS uses.
  ///
  /// The corresponding OpenBLAS call is `openblas_get_num_threads`.
  package static var threadCount: Int { Int(openblas_get_num_threads()) }

  /// Sets the number of threads OpenBLAS uses.
  ///
  /// The corresponding OpenBLAS call is `openblas_set_num_threads`.
  package static func setThreadCount(_ count: Int) { openblas_set_num_threads(Int32(count)) }

  /// The OpenBLAS build and the CPU kernel it picked, e.g. "OpenBLAS 0.3.21 … Haswell".
  ///
  /// The corresponding OpenBLAS calls are `openblas_get_config` and `openblas_get_corename`.
  package static var configuration: String {
    let config = openblas_get_config().map { String(cString: $0) } ?? "OpenBLAS"
    let core = openblas_get_corename().map { String(cString: $0) } ?? "unknown"
    return "\(config) core=\(core)"
  }
}

extension Tensor {
  /// The matrix product of two rank-2 tensors, `op(self) · op(other)`.
  ///
  /// - Parameters:
  ///   - other: the right operand.
  ///   - transposeSelf: use `selfᵀ`.
  ///   - transposeOther: use `otherᵀ`.
  /// The corresponding CBLAS call is `cblas_sgemm`.
  package func matmul(_ other: Tensor, transposeSelf: Bool = false, transposeOther: Bool = false)
    -> Tensor
  {
    precondition(
      rank == 2 && other.rank == 2, "matmul needs rank-2 tensors, got \(shape) and \(other.shape)")
    let m = transposeSelf ? shape[1] : shape[0]
    let k = transposeSelf ? shape[0] : shape[1]
    let k2 = transposeOther ? other.shape[1] : other.shape[0]
    let n = transposeOther ? other.shape[0] : other.shape[1]
    precondition(
      k == k2,
      "matmul inner dimensions differ: \(shape)\(transposeSelf ? "ᵀ" : "") · \(other.shape)\(transposeOther ? "ᵀ" : "")"
    )
    var out = [Float](repeating: 0, count: m * n)
    scalars.withUnsafeBufferPointer { a in
      other.scalars.withUnsafeBufferPointer { b in
        out.withUnsafeMutableBufferPointer { c in
          BLAS.gemm(
            transposeA: transposeSelf, transposeB: transposeOther, m: m, n: n, k: k,
            a: a.baseAddress!, b: b.baseAddress!, c: c.baseAddress!)
        }
      }
    }
    return Tensor(shape: [m, n], scalars: out)
  }
}
