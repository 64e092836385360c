/// A data file that cannot be used, with the place that is wrong.
///
/// The message always names the file, the 1-based line (the CSV header is line 1; for binary IDX
/// files the "line" is the header field) and the column or field, e.g.
/// `iris.csv:7: column 'petal_width': "abc" is not a number`.
package struct DataFileError: Error, CustomStringConvertible, Equatable {
  /// What is wrong.
  package enum Kind: Sendable, Equatable {
    case unreadable(reason: String)
    case emptyFile
    case headerOnly
    case emptyCell
    case nonNumeric(value: String)
    case notFinite(value: String)
    case raggedRow(expected: Int, found: Int)
    case labelColumnMissing(requested: String, available: [String])
    case oneClassOnly(className: String)
    case badShape(shape: String, features: Int)
    case badMagic(expected: UInt32, found: UInt32)
    case sizeMismatch(expectedBytes: Int, foundBytes: Int)
    case countMismatch(images: Int, labels: Int)
    case labelOutOfRange(label: Int, classCount: Int)
    case emptyImages(rows: Int, columns: Int)
    case missingClasses(classCount: Int, missing: [Int])
    case noFeatureColumns(delimiterHint: String?)
    case notText(encoding: String)
  }

  package var path: String
  /// 1-based line number; the header of a CSV file is line 1.
  package var line: Int
  /// The column name (CSV) or header field (IDX) at fault.
  package var column: String
  package var kind: Kind

  package init(path: String, line: Int, column: String, kind: Kind) {
    self.path = path
    self.line = line
    self.column = column
    self.kind = kind
  }

  package var description: String {
    "\(path):\(line): column '\(Self.shortened(column))': \(detail)"
  }

  /// A name cut to 40 characters, so a garbage header cannot flood a message.
  static func shortened(_ name: String) -> String {
    name.count <= 40 ? name : name.prefix(39) + "…"
  }

  private var detail: String {
    switch kind {
    case .unreadable(let reason): "cannot read file: \(reason)"
    case .emptyFile: "file is empty (a header line is needed)"
    case .headerOnly: "no data rows after the header"
    case .emptyCell: "the cell is empty"
    case .nonNumeric(let value): "\"\(Self.shortened(value))\" is not a number"
    case .notFinite(let value): "\"\(value)\" is not finite (NaN/Inf); fix or drop the row"
    case .raggedRow(let expected, let found):
      "row has \(found) cells, the header has \(expected)"
    case .labelColumnMissing(let requested, let available):
      "label column '\(Self.shortened(requested))' not found; columns are "
        + available.prefix(12).map(Self.shortened).joined(separator: ", ")
        + (available.count > 12 ? " and \(available.count - 12) more" : "")
    case .oneClassOnly(let className):
      "every row has the class '\(className)': classification needs at least two classes"
    case .badShape(let shape, let features):
      "shape \(shape) does not match the \(features) feature columns"
    case .badMagic(let expected, let found):
      "magic number is 0x\(hex(found)), expected 0x\(hex(expected))"
    case .sizeMismatch(let expectedBytes, let foundBytes):
      "header promises \(expectedBytes) bytes, the file has \(foundBytes) (truncated or wrong file)"
    case .countMismatch(let images, let labels):
      "\(images) images but \(labels) labels"
    case .labelOutOfRange(let label, let classCount):
      "label \(label) is outside 0..<\(classCount)"
    case .emptyImages(let rows, let columns):
      "the header gives images of \(rows)x\(columns) pixels; rows and columns must be at least 1"
    case .missingClasses(let classCount, let missing):
      "labels run from 0 to \(classCount - 1) but class\(missing.count == 1 ? "" : "es") "
        + "\(missing.prefix(5).map(String.init).joined(separator: ", "))"
        + "\(missing.count > 5 ? " and \(missing.count - 5) more" : "") "
        + "\(missing.count == 1 ? "has" : "have") no sample (IDX labels are class indices 0..<K)"
    case .noFeatureColumns(let hint):
      "no feature columns: only the label column was found\(hint.map { " (is the delimiter '\($0)'?)" } ?? "")"
    case .notText(let encoding):
      "not a UTF-8 text CSV (\(encoding)); save it as UTF-8 text with a header line"
    }
  }

  private func hex(_ value: UInt32) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: max(0, 8 - digits.count)) + digits
  }
}
