extension Trainer {
  /// The rows at `indices` of `features`, copied one row at a time into an uninitialized array.
  ///
  /// `Tensor.gatherRows` zero-fills and then copies element by element; on the 784-128-10 MLP
  /// that was 12% of an epoch, this is a `memcpy` per sample.
  static func gatherBatch(_ features: Tensor, _ indices: ArraySlice<Int>) -> Tensor {
    let width = features.columnsPerRow
    var shape = features.shape
    shape[0] = indices.count
    let scalars = features.scalars.withUnsafeBufferPointer { source in
      [Float](unsafeUninitializedCapacity: indices.count * width) { target, initialized in
        if let from = source.baseAddress, let to = target.baseAddress, width > 0 {
          var offset = 0
          for index in indices {
            precondition(
              index >= 0 && index < features.rows, "gatherBatch: row \(index) of \(features.rows)")
            (to + offset).initialize(from: from + index * width, count: width)
            offset += width
          }
        }
        initialized = indices.count * width
      }
    }
    return Tensor(shape: shape, scalars: scalars)
  }
}
