/// A schedule text that does not parse (the executable adds the flag name); the message names the part at fault and lists the
/// accepted forms.
package enum ScheduleSpecError: Error, Equatable, CustomStringConvertible {
  case empty
  case unknownKind(String)
  case unknownKey(kind: String, key: String, accepted: [String])
  case missingKey(kind: String, key: String)
  case duplicateKey(kind: String, key: String)
  case malformedPair(kind: String, text: String)
  case invalidValue(kind: String, key: String, value: String, expected: String)

  package var description: String {
    let forms = "accepted forms: " + ScheduleSpec.acceptedForms.joined(separator: " | ")
    let problem =
      switch self {
      case .empty: "empty schedule"
      case .unknownKind(let kind): "unknown schedule '\(kind)'"
      case .unknownKey(let kind, let key, let accepted):
        "\(kind): unknown key '\(key)' (keys: \(accepted.joined(separator: ", ")))"
      case .missingKey(let kind, let key): "\(kind): missing key '\(key)'"
      case .duplicateKey(let kind, let key): "\(kind): key '\(key)' given twice"
      case .malformedPair(let kind, let text): "\(kind): '\(text)' is not key=value"
      case .invalidValue(let kind, let key, let value, let expected):
        "\(kind): \(key)='\(value)' is not \(expected)"
      }
    return "\(problem); \(forms)"
  }
}
