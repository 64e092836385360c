/// The architecture named on the command line (`--model`).
///
/// - `linear`: one Dense layer from the (flattened) input to the outputs.
/// - `mlp:128`, `mlp:256,128`: hidden Dense layers of those widths, then the output layer.
/// - `cnn`: conv 3×3×32 same → pool 2 → conv 3×3×64 same → pool 2 → dense 128 → output, the
///   classic Fashion-MNIST network; needs image samples `[h, w, c]`.
package enum ModelSpec: Sendable, Equatable, CustomStringConvertible {
  case linear
  case mlp(hidden: [Int])
  case cnn

  /// The forms `parse` accepts, for help texts and error messages.
  package static let acceptedForms = [
    "linear", "mlp:<units>[,<units>…] (e.g. mlp:128 or mlp:256,128)", "cnn",
  ]

  /// Parses `linear`, `mlp:<units>[,<units>…]` or `cnn` (case-insensitive, spaces ignored).
  package static func parse(_ text: String) throws(ModelSpecError) -> ModelSpec {
    let trimmed = text.filter { !$0.isWhitespace }.lowercased()
    switch trimmed {
    case "linear": return .linear
    case "cnn": return .cnn
    default: break
    }
    guard trimmed.hasPrefix("mlp") else {
      throw ModelSpecError(
        field: "model", value: text, reason: "unknown model", accepted: acceptedForms)
    }
    guard trimmed.hasPrefix("mlp:"), trimmed.count > 4 else {
      throw ModelSpecError(
        field: "model", value: text, reason: "mlp needs its hidden layer sizes after a colon",
        accepted: acceptedForms)
    }
    let parts = trimmed.dropFirst(4).split(separator: ",", omittingEmptySubsequences: false)
    var hidden: [Int] = []
    for part in parts {
      guard let units = Int(part), units > 0 else {
        throw ModelSpecError(
          field: "model", value: text,
          reason: "hidden sizes must be positive integers, got \"\(part)\"", accepted: acceptedForms
        )
      }
      hidden.append(units)
    }
    return .mlp(hidden: hidden)
  }

  package var description: String {
    switch self {
    case .linear: "linear"
    case .mlp(let hidden): "mlp:" + hidden.map(String.init).joined(separator: ",")
    case .cnn: "cnn"
    }
  }
}
