import Foundation

/// The optimizers `--optimizer` accepts, with their default hyper-parameters.
package enum OptimizerKind: String, Sendable, CaseIterable, CustomStringConvertible {
  case sgd, momentum, adagrad, rmsprop, adam

  /// Parses an `--optimizer` value (case-insensitive).
  ///
  /// - Throws: `OptimizerKindError` naming the value and the accepted names.
  package static func parse(_ text: String) throws -> OptimizerKind {
    let key = text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    guard let kind = OptimizerKind(rawValue: key) else {
      throw OptimizerKindError(value: text)
    }
    return kind
  }

  /// A fresh optimizer of this kind with the default hyper-parameters.
  package func make() -> any Optimizer {
    switch self {
    case .sgd: SGD()
    case .momentum: Momentum()
    case .adagrad: AdaGrad()
    case .rmsprop: RMSProp()
    case .adam: Adam()
    }
  }

  package var description: String { rawValue }
}

/// An unknown `--optimizer` name.
package struct OptimizerKindError: Error, CustomStringConvertible, Equatable {
  package let value: String

  package var description: String {
    let accepted = OptimizerKind.allCases.map(\.rawValue).joined(separator: "|")
    return "unknown optimizer '\(value)'; accepted: \(accepted)"
  }
}
