/// Reductions the trainer runs on every batch, written with SIMD accumulators: a plain
/// `for x in buffer { sum += x * x }` is one long dependency chain the compiler may not reorder.
enum TrainingMath {
  /// Σ x² over `tensor`, accumulated in eight-lane `Float` vectors and summed in `Double`.
  static func squaredSum(_ tensor: Tensor) -> Double {
    tensor.scalars.withUnsafeBufferPointer { squaredSum($0) }
  }

  static func squaredSum(_ buffer: UnsafeBufferPointer<Float>) -> Double {
    guard let base = buffer.baseAddress else { return 0 }
    let raw = UnsafeRawPointer(base)
    let stride = MemoryLayout<Float>.stride
    var a = SIMD8<Float>()
    var b = SIMD8<Float>()
    var i = 0
    while i + 16 <= buffer.count {
      let x = raw.loadUnaligned(fromByteOffset: i * stride, as: SIMD8<Float>.self)
      let y = raw.loadUnaligned(fromByteOffset: (i + 8) * stride, as: SIMD8<Float>.self)
      a += x * x
      b += y * y
      i += 16
    }
    var total = Double((a + b).sum())
    while i < buffer.count {
      total += Double(buffer[i] * buffer[i])
      i += 1
    }
    return total
  }

  /// Σ (x − y)² over two buffers of equal length.
  static func squaredDistance(_ x: Tensor, _ y: Tensor) -> Double {
    precondition(x.count == y.count, "squaredDistance: \(x.shape) vs \(y.shape)")
    return x.scalars.withUnsafeBufferPointer { p in
      y.scalars.withUnsafeBufferPointer { q in
        var total: Double = 0
        for i in 0..<p.count {
          let d = Double(p[i]) - Double(q[i])
          total += d * d
        }
        return total
      }
    }
  }
}
