/// Writing a `JSONValue` as text, for documents whose shape is an interface (`dltop train --json`,
/// `dltop diagnose --json`): keys keep their order, and nil and non-finite numbers become `null`
/// (strict JSON for tools such as jq; the run log writes bare NaN through `JSONText` instead).
extension JSONValue {
  package static func double(_ value: Double?) -> JSONValue { value.map { .number($0) } ?? .null }
  package static func int(_ value: Int) -> JSONValue { .number(Double(value)) }
  package static func integer(_ value: Int?) -> JSONValue {
    value.map { .number(Double($0)) } ?? .null
  }
  package static func text(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }

  /// Compact JSON text on one line.
  package func serialized() -> String {
    var out = ""
    write(into: &out)
    return out
  }

  private func write(into out: inout String) {
    switch self {
    case .null: out += "null"
    case .bool(let value): out += value ? "true" : "false"
    case .number(let value): out += value.isFinite ? JSONText.number(value) : "null"
    case .string(let text): out += JSONText.string(text)
    case .array(let items):
      out += "["
      for (index, item) in items.enumerated() {
        if index > 0 { out += "," }
        item.write(into: &out)
      }
      out += "]"
    case .object(let members):
      out += "{"
      for (index, member) in members.enumerated() {
        if index > 0 { out += "," }
        out += JSONText.string(member.key) + ":"
        member.value.write(into: &out)
      }
      out += "}"
    }
  }
}
