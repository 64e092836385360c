import Foundation

/// The hidden-layer activation a model is built with (`--activation`).
package enum Activation: String, Sendable, Equatable, CaseIterable, CustomStringConvertible {
  case relu
  case leakyReLU = "leaky-relu"
  case sigmoid
  case tanh
  case swish

  /// Parses `relu`, `leaky-relu`, `sigmoid`, `tanh` or `swish` (case-insensitive).
  package static func parse(_ text: String) throws(ModelSpecError) -> Activation {
    let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
    if let activation = Activation(rawValue: trimmed) { return activation }
    throw ModelSpecError(
      field: "activation", value: text, reason: "unknown activation",
      accepted: allCases.map(\.rawValue))
  }

  package var description: String { rawValue }

  /// The initializer used when none is given: He for the ReLU family and swish, Xavier for the
  /// saturating sigmoid and tanh (SPEC.md).
  package var defaultInitializer: Initializer {
    switch self {
    case .relu, .leakyReLU, .swish: .he
    case .sigmoid, .tanh: .xavier
    }
  }

  /// The prefix of this activation's layer names (`relu1`, `leaky_relu2`, …).
  package var layerPrefix: String {
    switch self {
    case .relu: "relu"
    case .leakyReLU: "leaky_relu"
    case .sigmoid: "sigmoid"
    case .tanh: "tanh"
    case .swish: "swish"
    }
  }

  /// A new layer computing this activation.
  package func makeLayer(name: String) -> any Layer {
    switch self {
    case .relu: ReLU(name: name)
    case .leakyReLU: LeakyReLU(name: name)
    case .sigmoid: Sigmoid(name: name)
    case .tanh: Tanh(name: name)
    case .swish: Swish(name: name)
    }
  }
}
