/// The class count of an IDX data set whose labels are bare indices (no class names given).
///
/// IDX labels are class indices `0..<K`, so `K` is the largest label plus one — but only when every
/// class in that range has samples: a stray byte of 200 among digits would otherwise make 201
/// classes, 191 of them empty, and labels that are all 0 would make a "binary" task with an empty
/// class. Both are refused, as one-class CSV files are.
enum IDXClassCheck {
  /// - Parameters:
  ///   - labels: the training labels (the ones the model learns every class from).
  ///   - path: the label file, for messages.
  /// - Returns: the number of classes.
  /// - Throws: `DataFileError` when there is only one class or a class index has no sample.
  static func classCount(of labels: [Int], path: String) throws -> Int {
    guard let largest = labels.max() else {
      throw DataFileError(path: path, line: 1, column: "count", kind: .headerOnly)
    }
    var counts = [Int](repeating: 0, count: largest + 1)
    for label in labels { counts[label] += 1 }
    if counts.count(where: { $0 > 0 }) < 2 {
      throw DataFileError(
        path: path, line: 1, column: "labels", kind: .oneClassOnly(className: String(largest)))
    }
    let missing = counts.indices.filter { counts[$0] == 0 }
    if !missing.isEmpty {
      let first = labels.firstIndex(of: largest) ?? 0
      throw DataFileError(
        path: path, line: 1, column: "label[\(first)] = \(largest)",
        kind: .missingClasses(classCount: largest + 1, missing: missing))
    }
    return largest + 1
  }
}
