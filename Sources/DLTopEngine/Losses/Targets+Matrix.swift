extension Targets {
  /// The targets as a row-major `[rows, columns]` matrix for the element-wise losses.
  ///
  /// `.values` must have exactly `rows · columns` elements; `.classes` is accepted only for one
  /// output column (a 0/1 label or a real value per sample).
  func matrix(rows: Int, columns: Int, for lossName: String) -> [Float] {
    switch self {
    case .values(let tensor):
      precondition(
        tensor.rows == rows && tensor.count == rows * columns,
        "\(lossName): targets \(tensor.shape) do not match predictions [\(rows), \(columns)]")
      return tensor.scalars
    case .classes(let labels):
      precondition(
        columns == 1 && labels.count == rows,
        "\(lossName): \(labels.count) class labels cannot be targets of predictions [\(rows), \(columns)]"
      )
      return labels.map(Float.init)
    }
  }
}
