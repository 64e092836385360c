/// One non-blank line of a CSV file, split into cells.
struct CSVLine {
  /// 1-based line number in the file.
  var number: Int
  /// Cells with surrounding spaces and quotes removed.
  var cells: [String]
}

/// Splits CSV bytes into lines and cells, skipping blank lines but counting them.
struct CSVLineReader {
  let bytes: [UInt8]
  /// The cell separator: `,` unless `detectDelimiter(in:)` found `;` or a tab in the header.
  var delimiter = UInt8(ascii: ",")
  private var position = 0
  private var lineNumber = 0

  init(bytes: [UInt8]) {
    self.bytes = bytes
    // A UTF-8 byte-order mark is not part of the first header name.
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
  }

  /// The next line that has any non-space content, split into cells, or `nil` at the end.
  mutating func next() -> CSVLine? {
    nextLine().map { CSVLine(number: $0.number, cells: split($0.range)) }
  }

  /// The number and byte range (without the line break) of the next non-blank line.
  mutating func nextLine() -> (number: Int, range: Range<Int>)? {
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
      return (lineNumber, start..<stop)
    }
    return nil
  }

  /// The trimmed byte ranges of the cells of a line without quotes; `false` (and `cells`
  /// unspecified) when the line has a quote, which needs `split(_:)`.
  func plainCells(_ range: Range<Int>, into cells: inout [Range<Int>]) -> Bool {
    cells.removeAll(keepingCapacity: true)
    return bytes.withUnsafeBufferPointer { b in
      var start = range.lowerBound
      var index = range.lowerBound
      while true {
        let atEnd = index == range.upperBound
        if !atEnd {
          let byte = b[index]
          if byte == UInt8(ascii: "\"") { return false }
          if byte != delimiter {
            index += 1
            continue
          }
        }
        var low = start
        var high = index
        while low < high, b[low] == UInt8(ascii: " ") || b[low] == UInt8(ascii: "\t") { low += 1 }
        while high > low, b[high - 1] == UInt8(ascii: " ") || b[high - 1] == UInt8(ascii: "\t") {
          high -= 1
        }
        cells.append(low..<high)
        if atEnd { return true }
        index += 1
        start = index
      }
    }
  }

  /// The separator of a header line: whichever of `,`, `;` and tab occurs most often outside
  /// quotes (`,` on a tie or when none does), as spreadsheets in many locales write `;`.
  static func detectDelimiter(in header: ArraySlice<UInt8>) -> UInt8 {
    let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")]
    var counts = [0, 0, 0]
    var inQuotes = false
    for byte in header {
      if byte == UInt8(ascii: "\"") { inQuotes.toggle() }
      if !inQuotes, let index = candidates.firstIndex(of: byte) { counts[index] += 1 }
    }
    let best = counts.indices.max {
      counts[$0] < counts[$1] || (counts[$0] == counts[$1] && $0 < $1)
    }
    guard let best, counts[best] > counts[0] else { return candidates[0] }
    return candidates[best]
  }

  /// The text of a byte range.
  func string(_ range: Range<Int>) -> String {
    String(decoding: bytes[range], as: UTF8.self)
  }

  /// Splits a line into cells, removing quotes and surrounding spaces.
  func split(_ range: Range<Int>) -> [String] {
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
      } else if byte == delimiter {
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
