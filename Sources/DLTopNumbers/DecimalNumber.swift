import Foundation

/// The one decimal-number parser of dltop: a CSV cell of a data set (engine) or of a metrics log
/// (monitor), read from its bytes without building a `String` (the hot path of large files).
///
/// Accepts what Python's `csv` module and C's `printf` write for floats and ints (`0.25`, `1e-05`,
/// `3`, `.5`, `-0`; long mantissas and large exponents through `strtod`), and `nan`, `inf`, `-inf`,
/// `infinity` in any case (not hex floats); surrounding spaces and a trailing carriage return are ignored. Callers that need a finite
/// value check `isFinite` themselves (the engine names the cell when it is not).
package enum DecimalNumber {
  /// The value of `text`, or nil when it is not a number.
  package static func parse(_ text: some StringProtocol) -> Double? {
    var text = String(text)
    return text.withUTF8 { parse(UnsafeRawBufferPointer($0)) }
  }

  /// The value of `cell`, or nil when it is not a number.
  package static func parse(_ cell: UnsafeRawBufferPointer) -> Double? {
    var start = 0
    var end = cell.count
    while start < end, cell[start] == 0x20 { start += 1 }
    while end > start, cell[end - 1] == 0x20 || cell[end - 1] == 0x0D { end -= 1 }
    let length = end - start
    guard length > 0, length < 64 else { return nil }
    if let exact = fastPath(cell, start: start, end: end) { return exact }
    for index in start..<end {
      let byte = cell[index]
      let isNumeric =
        (byte >= 0x30 && byte <= 0x39) || byte == 0x2E || byte == 0x2D || byte == 0x2B
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

  /// Powers of ten that are exact in a `Double`.
  private static let powersOfTen: [Double] = (0...22).map { exponent in
    (0..<exponent).reduce(1.0) { value, _ in value * 10 }
  }

  /// Clinger's fast path: a decimal whose digits fit in 2⁵³ and whose power of ten is at most 22 is
  /// one exact multiplication or division away, so the result is correctly rounded, as `strtod`'s.
  /// Anything else (17 significant digits, large exponents) returns nil and goes to `strtod`.
  private static func fastPath(_ cell: UnsafeRawBufferPointer, start: Int, end: Int) -> Double? {
    var index = start
    var negative = false
    if cell[index] == 0x2D || cell[index] == 0x2B {
      negative = cell[index] == 0x2D
      index += 1
    }
    var mantissa: UInt64 = 0
    var exponent = 0
    var digits = 0
    var sawDot = false
    while index < end {
      let byte = cell[index]
      if byte >= 0x30 && byte <= 0x39 {
        if mantissa > (1 << 53) / 10 { return nil }
        mantissa = mantissa * 10 + UInt64(byte - 0x30)
        if sawDot { exponent -= 1 }
        digits += 1
      } else if byte == 0x2E && !sawDot {
        sawDot = true
      } else {
        break
      }
      index += 1
    }
    guard digits > 0 else { return nil }
    if index < end {
      guard cell[index] == 0x65 || cell[index] == 0x45 else { return nil }
      index += 1
      var negativeExponent = false
      if index < end, cell[index] == 0x2D || cell[index] == 0x2B {
        negativeExponent = cell[index] == 0x2D
        index += 1
      }
      var written = 0
      var exponentDigits = 0
      while index < end, cell[index] >= 0x30 && cell[index] <= 0x39, written < 1000 {
        written = written * 10 + Int(cell[index] - 0x30)
        exponentDigits += 1
        index += 1
      }
      guard exponentDigits > 0, index == end else { return nil }
      exponent += negativeExponent ? -written : written
    }
    guard mantissa <= 1 << 53, exponent >= -22, exponent <= 22 else { return nil }
    let magnitude =
      exponent < 0
      ? Double(mantissa) / powersOfTen[-exponent] : Double(mantissa) * powersOfTen[exponent]
    return negative ? -magnitude : magnitude
  }

  private static func named(_ cell: UnsafeRawBufferPointer, start: Int, end: Int) -> Double? {
    var text = String(decoding: UnsafeRawBufferPointer(rebasing: cell[start..<end]), as: UTF8.self)
      .lowercased()
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
