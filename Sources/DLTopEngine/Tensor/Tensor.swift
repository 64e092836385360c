/// A dense, row-major, contiguous array of `Float` with a shape.
///
/// `Tensor` is a copy-on-write value (it stores a Swift `Array`), so it is `Sendable` and cheap to
/// pass around. Hot kernels drop down to `withUnsafeBufferPointer`; every matrix product goes
/// through `cblas_sgemm` (see `Tensor+BLAS.swift`).
package struct Tensor: Sendable, Equatable {
  /// The extent of each dimension, outermost first. A scalar has shape `[]`.
  package private(set) var shape: [Int]
  /// The elements in row-major order; `scalars.count == shape.reduce(1, *)`.
  package var scalars: [Float]

  package init(shape: [Int], scalars: [Float]) {
    precondition(
      shape.reduce(1, *) == scalars.count,
      "Tensor shape \(shape) needs \(shape.reduce(1, *)) scalars, got \(scalars.count)")
    self.shape = shape
    self.scalars = scalars
  }

  package init(zeros shape: [Int]) {
    self.init(repeating: 0, shape: shape)
  }

  package init(repeating value: Float, shape: [Int]) {
    self.shape = shape
    self.scalars = [Float](repeating: value, count: shape.reduce(1, *))
  }

  /// The number of elements.
  package var count: Int { scalars.count }
  /// The number of dimensions.
  package var rank: Int { shape.count }

  /// The leading dimension (the batch size for activations).
  package var rows: Int { shape.first ?? 1 }
  /// The number of elements per leading index (features per sample).
  package var columnsPerRow: Int { shape.isEmpty ? 1 : shape.dropFirst().reduce(1, *) }

  /// The same elements with another shape of equal element count.
  package func reshaped(to newShape: [Int]) -> Tensor {
    precondition(
      newShape.reduce(1, *) == count, "cannot reshape \(shape) (\(count) elements) to \(newShape)")
    var copy = self
    copy.shape = newShape
    return copy
  }

  package subscript(index: Int) -> Float {
    get { scalars[index] }
    set { scalars[index] = newValue }
  }

  /// Rows `range` of the leading dimension, as a new tensor.
  package func rows(_ range: Range<Int>) -> Tensor {
    let width = columnsPerRow
    var newShape = shape
    newShape[0] = range.count
    return Tensor(
      shape: newShape,
      scalars: Array(scalars[(range.lowerBound * width)..<(range.upperBound * width)]))
  }

  /// The rows at `indices` of the leading dimension, gathered in that order.
  package func gatherRows(_ indices: some Collection<Int>) -> Tensor {
    let width = columnsPerRow
    var newShape = shape
    newShape[0] = indices.count
    var out = [Float](repeating: 0, count: indices.count * width)
    scalars.withUnsafeBufferPointer { src in
      out.withUnsafeMutableBufferPointer { dst in
        var offset = 0
        for index in indices {
          let start = index * width
          for j in 0..<width { dst[offset + j] = src[start + j] }
          offset += width
        }
      }
    }
    return Tensor(shape: newShape, scalars: out)
  }

  /// The sum of squares of all elements.
  package var squaredNorm: Float {
    scalars.withUnsafeBufferPointer { buffer in
      var sum: Float = 0
      for value in buffer { sum += value * value }
      return sum
    }
  }

  /// The Euclidean norm of all elements.
  package var norm: Float { squaredNorm.squareRoot() }
}
