/// A model option that could not be used: names the option, the value given, why, and what is
/// accepted, e.g. `invalid model "mlp:0": hidden sizes must be positive integers; accepted:
/// linear, mlp:<units>[,<units>…] (e.g. mlp:128 or mlp:256,128), cnn`. The executable puts the
/// flag (`--model`) in front.
package struct ModelSpecError: Error, CustomStringConvertible, Equatable {
  /// The option the value is for (`model`, `init`, `activation`); the flag without its dashes.
  package let field: String
  /// The value as given.
  package let value: String
  /// What is wrong with it.
  package let reason: String
  /// The accepted forms, listed in the message.
  package let accepted: [String]

  package init(field: String, value: String, reason: String, accepted: [String]) {
    self.field = field
    self.value = value
    self.reason = reason
    self.accepted = accepted
  }

  package var description: String {
    var text = "invalid \(field) \"\(value)\": \(reason)"
    if !accepted.isEmpty { text += "; accepted: " + accepted.joined(separator: ", ") }
    return text
  }
}
