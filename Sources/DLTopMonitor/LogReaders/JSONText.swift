/// Writes JSON text the way dltop's files need it: stable key order, non-finite numbers as the bare
/// tokens `NaN`, `Infinity`, `-Infinity` (as Python's `json` writes them, and as `JSONValue.parse` reads them).
package enum JSONText {
  /// A number in the shortest form that reads back exactly; integral values without a fraction.
  package static func number(_ value: Double) -> String {
    if value.isNaN { return "NaN" }
    if value.isInfinite { return value > 0 ? "Infinity" : "-Infinity" }
    if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    return "\(value)"
  }

  /// A number or `null`.
  package static func number(_ value: Double?) -> String {
    value.map { number($0) } ?? "null"
  }

  /// An integer or `null`.
  package static func integer(_ value: Int?) -> String {
    value.map { String($0) } ?? "null"
  }

  /// A quoted, escaped string.
  package static func string(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case let c where c.value < 0x20:
        let hex = String(c.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }

  /// An object from ordered members whose values are already JSON text.
  package static func object(_ members: [(String, String)]) -> String {
    "{" + members.map { string($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
  }
}
