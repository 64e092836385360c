import Foundation

/// Parses one CSV cell's bytes as a number without building a `String` (the hot path of reading a
/// large `metrics.csv`).
///
/// Accepts what Python's `csv` module writes for floats and ints (`0.25`, `1e-05`, `3`), and `nan`,
/// `inf`, `-inf`, `infinity` in any case; surrounding spaces are ignored.
enum LightningCSVNumber {
  /// The value of `cell`, or nil when it is not a number.
  static func parse(_ cell: UnsafeRawBufferPointer) -> Double? {
    var start = 0
    var end = cell.count
    while start < end, cell[start] == 0x20 { start += 1 }
    while end > start, cell[end - 1] == 0x20 || cell[end - 1] == 0x0D { end -= 1 }
    let length = end - start
    guard length > 0, length < 64 else { return nil }
    for index in start..<end {
      let byte = cell[index]
      let isNumeric = (byte >= 0x30 && byte <= 0x39) || byte == 0x2E || byte == 0x2D || byte == 0x2B
        || byte == 0x65 || byte == 0x45
      if !isNumeric { return named(cell, start: start, end: end) }
    }
    return withUnsafeTemporaryAllocation(of: CChar.self, capacity: 64) { buffer -> Double? in
      for index in 0..<length { buffer[index] = CChar(bitPattern: cell[start + index]) }
      buffer[length] = 0
      guard let base = buffer.baseAddress else { return nil }
      var stop: UnsafeMutablePointer<CChar>?
      let value = strtod(base, &stop)
      guard let stop, stop - base == length else { return nil }
      return value
    }
  }

  private static func named(_ cell: UnsafeRawBufferPointer, start: Int, end: Int) -> Double? {
    var text = String(decoding: UnsafeRawBufferPointer(rebasing: cell[start..<end]), as: UTF8.self).lowercased()
    var sign = 1.0
    if text.hasPrefix("-") || text.hasPrefix("+") {
      if text.hasPrefix("-") { sign = -1 }
      text.removeFirst()
    }
    switch text {
    case "nan": return .nan
    case "inf", "infinity": return sign * .infinity
    default: return nil
    }
  }
}
