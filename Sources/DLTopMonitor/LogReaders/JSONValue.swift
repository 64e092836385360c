import Foundation

/// A parsed JSON value that keeps object keys in file order.
///
/// Python's `json` writes non-finite floats as the bare tokens `NaN`, `Infinity` and `-Infinity`;
/// `JSONValue.parse` accepts them as numbers, so a diverged run's log still reads.
package enum JSONValue: Sendable, Equatable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSONValue])
  /// Members in the order they appear in the text.
  case object([(key: String, value: JSONValue)])

  package static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    switch (lhs, rhs) {
    case (.null, .null): true
    case (.bool(let a), .bool(let b)): a == b
    case (.number(let a), .number(let b)): a == b || (a.isNaN && b.isNaN)
    case (.string(let a), .string(let b)): a == b
    case (.array(let a), .array(let b)): a == b
    case (.object(let a), .object(let b)):
      a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    default: false
    }
  }

  /// The member named `key` of an object (the first, if repeated).
  package subscript(key: String) -> JSONValue? {
    guard case .object(let members) = self else { return nil }
    return members.first { $0.key == key }?.value
  }

  /// The number, or a string that spells one (`"0.5"`, `"NaN"`).
  package var doubleValue: Double? {
    switch self {
    case .number(let value): value
    case .string(let text): JSONNumberText.parse(text)
    default: nil
    }
  }

  /// An integral number (`3`, `3.0`).
  package var intValue: Int? {
    guard let value = doubleValue, value.isFinite, value == value.rounded(), abs(value) < 1e15
    else {
      return nil
    }
    return Int(value)
  }

  package var stringValue: String? {
    if case .string(let text) = self { return text }
    return nil
  }

  /// A short text for a configuration value: strings as they are, numbers and booleans as JSON.
  package var displayText: String {
    switch self {
    case .null: "null"
    case .bool(let flag): flag ? "true" : "false"
    case .number(let value): JSONText.number(value)
    case .string(let text): text
    case .array(let items): "[" + items.map(\.displayText).joined(separator: ", ") + "]"
    case .object(let members):
      "{" + members.map { "\($0.key): \($0.value.displayText)" }.joined(separator: ", ") + "}"
    }
  }
}

/// Parses the number spellings logs use: decimal floats and the non-finite words
/// (`nan`, `NaN`, `inf`, `Infinity`, `-Infinity`, case-insensitive). Hexadecimal is refused.
package enum JSONNumberText {
  package static func parse(_ raw: String) -> Double? {
    let text = raw.trimmingCharacters(in: .whitespaces)
    guard !text.isEmpty else { return nil }
    var body = Substring(text)
    var sign = 1.0
    if body.first == "-" || body.first == "+" {
      if body.first == "-" { sign = -1 }
      body = body.dropFirst()
    }
    switch body.lowercased() {
    case "nan": return .nan
    case "inf", "infinity": return sign * .infinity
    default: break
    }
    guard body.allSatisfy({ $0.isASCII && ($0.isNumber || "eE.+-".contains($0)) }) else {
      return nil
    }
    return Double(text)
  }
}
