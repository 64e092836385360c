/// Why a JSON text did not parse, with the 1-based column (in bytes) where it went wrong.
package struct JSONSyntaxError: Error, Sendable, Equatable {
  package var column: Int
  package var message: String
}

extension JSONValue {
  /// Parses one JSON text (one line of a JSON-lines log), accepting bare `NaN`, `Infinity` and
  /// `-Infinity` as numbers.
  /// - Throws: `JSONSyntaxError` with the column of the first problem.
  /// - Complexity: O(`text` length).
  package static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
    var reader = JSONReader(bytes: Array(text.utf8))
    reader.skipSpace()
    let value = try reader.value(depth: 0)
    reader.skipSpace()
    guard reader.index == reader.bytes.count else {
      throw reader.error("unexpected text after the value")
    }
    return value
  }
}

/// A recursive-descent reader over UTF-8 bytes.
private struct JSONReader {
  let bytes: [UInt8]
  var index = 0

  func error(_ message: String) -> JSONSyntaxError {
    JSONSyntaxError(column: index + 1, message: message)
  }

  mutating func skipSpace() {
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x09, 0x0A, 0x0D: index += 1
      default: return
      }
    }
  }

  mutating func value(depth: Int) throws(JSONSyntaxError) -> JSONValue {
    guard depth < 64 else { throw error("nesting deeper than 64 levels") }
    guard index < bytes.count else { throw error("unexpected end of line") }
    switch bytes[index] {
    case UInt8(ascii: "{"): return try object(depth: depth)
    case UInt8(ascii: "["): return try array(depth: depth)
    case UInt8(ascii: "\""): return .string(try string())
    case UInt8(ascii: "t"):
      try word("true")
      return .bool(true)
    case UInt8(ascii: "f"):
      try word("false")
      return .bool(false)
    case UInt8(ascii: "n"):
      try word("null")
      return .null
    case UInt8(ascii: "N"):
      try word("NaN")
      return .number(.nan)
    case UInt8(ascii: "I"):
      try word("Infinity")
      return .number(.infinity)
    default: return .number(try number())
    }
  }

  mutating func word(_ text: String) throws(JSONSyntaxError) {
    let expected = Array(text.utf8)
    guard index + expected.count <= bytes.count,
      Array(bytes[index..<index + expected.count]) == expected
    else { throw error("expected '\(text)'") }
    index += expected.count
  }

  mutating func object(depth: Int) throws(JSONSyntaxError) -> JSONValue {
    index += 1
    var members: [(key: String, value: JSONValue)] = []
    skipSpace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
      index += 1
      return .object(members)
    }
    while true {
      skipSpace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
        throw error("expected a key string")
      }
      let key = try string()
      skipSpace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
        throw error("expected ':'")
      }
      index += 1
      skipSpace()
      members.append((key, try value(depth: depth + 1)))
      skipSpace()
      guard index < bytes.count else { throw error("unterminated object") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
      } else if bytes[index] == UInt8(ascii: "}") {
        index += 1
        return .object(members)
      } else {
        throw error("expected ',' or '}'")
      }
    }
  }

  mutating func array(depth: Int) throws(JSONSyntaxError) -> JSONValue {
    index += 1
    var items: [JSONValue] = []
    skipSpace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
      index += 1
      return .array(items)
    }
    while true {
      skipSpace()
      items.append(try value(depth: depth + 1))
      skipSpace()
      guard index < bytes.count else { throw error("unterminated array") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
      } else if bytes[index] == UInt8(ascii: "]") {
        index += 1
        return .array(items)
      } else {
        throw error("expected ',' or ']'")
      }
    }
  }

  mutating func string() throws(JSONSyntaxError) -> String {
    index += 1
    var out: [UInt8] = []
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        index += 1
        return String(decoding: out, as: UTF8.self)
      }
      if byte == UInt8(ascii: "\\") {
        index += 1
        guard index < bytes.count else { break }
        let escape = bytes[index]
        index += 1
        switch escape {
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "u"): out.append(contentsOf: try unicodeEscape())
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
        default:
          index -= 1
          throw error("invalid escape")
        }
        continue
      }
      out.append(byte)
      index += 1
    }
    throw error("unterminated string")
  }

  mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
    guard index + 4 <= bytes.count,
      let code = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16)
    else { throw error("invalid \\u escape") }
    index += 4
    return code
  }

  mutating func unicodeEscape() throws(JSONSyntaxError) -> [UInt8] {
    var code = try hex4()
    if (0xD800..<0xDC00).contains(code), index + 6 <= bytes.count,
      bytes[index] == UInt8(ascii: "\\"),
      bytes[index + 1] == UInt8(ascii: "u")
    {
      index += 2
      let low = try hex4()
      // A high surrogate pairs only with a low one; anything else is U+FFFD (an unchecked
      // `low - 0xDC00` overflowed: found by fuzzing trainer_state.json).
      code =
        (0xDC00..<0xE000).contains(low)
        ? 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00) : 0xFFFD
    }
    let scalar = Unicode.Scalar(code) ?? "\u{FFFD}"
    return Array(String(Character(scalar)).utf8)
  }

  mutating func number() throws(JSONSyntaxError) -> Double {
    let start = index
    if bytes[index] == UInt8(ascii: "-") {
      index += 1
      if index < bytes.count, bytes[index] == UInt8(ascii: "I") {
        try word("Infinity")
        return -.infinity
      }
    }
    numberLoop: while index < bytes.count {
      switch bytes[index] {
      case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "e"),
        UInt8(ascii: "E"),
        UInt8(ascii: "+"), UInt8(ascii: "-"):
        index += 1
      default: break numberLoop
      }
    }
    guard index > start, let value = Double(String(decoding: bytes[start..<index], as: UTF8.self))
    else {
      index = start
      throw error("invalid value")
    }
    return value
  }
}
