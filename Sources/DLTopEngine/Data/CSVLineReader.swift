/// One non-blank line of a CSV file, split into cells.
struct CSVLine {
  /// 1-based line number in the file.
  var number: Int
  /// Cells with surrounding spaces and quotes removed.
  var cells: [String]
}

/// Splits CSV bytes into lines and cells, skipping blank lines but counting them.
struct CSVLineReader {
  private let bytes: [UInt8]
  private var position = 0
  private var lineNumber = 0

  init(bytes: [UInt8]) {
    self.bytes = bytes
    // A UTF-8 byte-order mark is not part of the first header name.
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
  }

  /// The next line that has any non-space content, or `nil` at the end.
  mutating func next() -> CSVLine? {
    while position < bytes.count {
      lineNumber += 1
      var end = position
      while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
      let start = position
      position = end + 1
      var stop = end
      if stop > start, bytes[stop - 1] == UInt8(ascii: "\r") { stop -= 1 }
      let isBlank = bytes[start..<stop].allSatisfy {
        $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t")
      }
      if isBlank { continue }
      return CSVLine(number: lineNumber, cells: split(start..<stop))
    }
    return nil
  }

  private func split(_ range: Range<Int>) -> [String] {
    var cells: [String] = []
    var cell: [UInt8] = []
    var inQuotes = false
    var index = range.lowerBound
    while index < range.upperBound {
      let byte = bytes[index]
      if inQuotes {
        if byte == UInt8(ascii: "\"") {
          if index + 1 < range.upperBound, bytes[index + 1] == UInt8(ascii: "\"") {
            cell.append(byte)
            index += 1
          } else {
            inQuotes = false
          }
        } else {
          cell.append(byte)
        }
      } else if byte == UInt8(ascii: ",") {
        cells.append(trimmed(cell))
        cell.removeAll(keepingCapacity: true)
      } else if byte == UInt8(ascii: "\"") {
        inQuotes = true
      } else {
        cell.append(byte)
      }
      index += 1
    }
    cells.append(trimmed(cell))
    return cells
  }

  private func trimmed(_ cell: [UInt8]) -> String {
    var slice = cell[...]
    while let first = slice.first, first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") {
      slice = slice.dropFirst()
    }
    while let last = slice.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") {
      slice = slice.dropLast()
    }
    return String(decoding: slice, as: UTF8.self)
  }
}
