import DLTopEngine

/// Single-precision matrix-product throughput through `BLAS.gemm` (`cblas_sgemm`).
enum GEMMBench {
  /// GFLOP/s of `C[m×n] = A[m×k]·B[k×n]` (2mnk flops per product), repeated for at least
  /// `minimumSeconds` after one warm-up product.
  static func gflops(m: Int, n: Int, k: Int, minimumSeconds: Double) -> Double {
    var generator = SeededGenerator(seed: 3)
    let a = (0..<(m * k)).map { _ in generator.nextUnitFloat() - 0.5 }
    let b = (0..<(k * n)).map { _ in generator.nextUnitFloat() - 0.5 }
    var c = [Float](repeating: 0, count: m * n)
    return a.withUnsafeBufferPointer { pa in
      b.withUnsafeBufferPointer { pb in
        c.withUnsafeMutableBufferPointer { pc in
          let (x, y, z) = (pa.baseAddress!, pb.baseAddress!, pc.baseAddress!)
          let product = { BLAS.gemm(m: m, n: n, k: k, a: x, b: y, c: z) }
          product()
          let clock = ContinuousClock()
          let started = clock.now
          var repeats = 0
          var elapsed = 0.0
          while elapsed < minimumSeconds || repeats < 3 {
            product()
            repeats += 1
            elapsed = started.duration(to: clock.now) / .seconds(1)
          }
          return 2 * Double(m) * Double(n) * Double(k) * Double(repeats) / elapsed / 1e9
        }
      }
    }
  }
}
