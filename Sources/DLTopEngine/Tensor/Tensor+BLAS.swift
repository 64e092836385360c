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
  /// The corresponding CBLAS call is `cblas_sgemm`.
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
