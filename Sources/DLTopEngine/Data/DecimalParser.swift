/// A fast path for the plain decimal numbers CSV files are made of (`-12.5`, `0.0787`, `3e-4`).
///
/// A number with at most 15 significant digits and a decimal exponent within ±22 is exactly
/// `mantissa × 10^e` with both factors exact in `Double`, so one multiplication or division gives
/// the correctly rounded value — the same as `Double(String)`. Anything else (more digits, hex,
/// `nan`, `inf`, stray characters) returns `nil`, and the caller falls back to `Double(String)`.
enum DecimalParser {
  private static let powersOfTen: [Double] = (0...22).map { exponent in
    (0..<exponent).reduce(1.0) { value, _ in value * 10 }
  }

  /// The value of `text`, or `nil` when it is not a plain decimal this path handles.
  static func parse(_ text: String) -> Double? {
    var text = text
    return text.withUTF8 { parse(bytes: $0) }
  }

  static func parse(bytes: UnsafeBufferPointer<UInt8>) -> Double? {
    let n = bytes.count
    var i = 0
    var negative = false
    if i < n, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
      negative = bytes[i] == UInt8(ascii: "-")
      i += 1
    }
    var mantissa: UInt64 = 0
    var significant = 0
    var scale = 0
    var sawDigit = false
    var inFraction = false
    while i < n {
      let byte = bytes[i]
      if byte == UInt8(ascii: "."), !inFraction {
        inFraction = true
        i += 1
        continue
      }
      let digit = byte &- UInt8(ascii: "0")
      guard digit < 10 else { break }
      sawDigit = true
      if mantissa != 0 || digit != 0 {
        guard significant < 15 else { return nil }
        mantissa = mantissa * 10 + UInt64(digit)
        significant += 1
      }
      if inFraction { scale -= 1 }
      i += 1
    }
    guard sawDigit else { return nil }
    if i < n, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
      i += 1
      var exponentNegative = false
      if i < n, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
        exponentNegative = bytes[i] == UInt8(ascii: "-")
        i += 1
      }
      var exponent = 0
      var exponentDigits = 0
      while i < n, bytes[i] &- UInt8(ascii: "0") < 10 {
        guard exponent < 1000 else { return nil }
        exponent = exponent * 10 + Int(bytes[i] &- UInt8(ascii: "0"))
        exponentDigits += 1
        i += 1
      }
      guard exponentDigits > 0 else { return nil }
      scale += exponentNegative ? -exponent : exponent
    }
    guard i == n else { return nil }
    var value = Double(mantissa)
    if mantissa != 0 {
      guard (-22...22).contains(scale) else { return nil }
      value = scale >= 0 ? value * powersOfTen[scale] : value / powersOfTen[-scale]
    }
    return negative ? -value : value
  }
}
