import Foundation

/// How a layer's weights start (biases always start at 0).
///
/// SPEC.md (seeds 000–003): zeros make every unit identical (symmetry is never broken); a standard
/// deviation of 1 saturates sigmoids; 0.01 limits expressiveness; Xavier, std `1/√fanIn`, suits
/// sigmoid and tanh; He, std `√(2/fanIn)`, suits ReLU. All draw from a normal distribution.
package enum Initializer: Sendable, Equatable, CustomStringConvertible {
  /// Normal with std `√(2/fanIn)`.
  case he
  /// Normal with std `√(1/fanIn)`, as SPEC.md states it.
  case xavier
  /// Normal with the given std.
  case normal(Float)
  /// All zeros (allowed, and diagnosed as a bad choice).
  case zeros

  /// The forms `parse` accepts, for help texts and error messages.
  package static let acceptedForms = ["he", "xavier", "normal:<σ> (e.g. normal:0.01)", "zeros"]

  /// Parses `he`, `xavier`, `normal:<σ>` with `σ > 0`, or `zeros`.
  package static func parse(_ text: String) throws(ModelSpecError) -> Initializer {
    let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
    switch trimmed {
    case "he": return .he
    case "xavier": return .xavier
    case "zeros": return .zeros
    default: break
    }
    if trimmed.hasPrefix("normal:") {
      let number = trimmed.dropFirst("normal:".count)
      if let sigma = Float(number), sigma.isFinite, sigma > 0 { return .normal(sigma) }
      throw ModelSpecError(
        field: "init", value: text, reason: "σ must be a positive number", accepted: acceptedForms)
    }
    throw ModelSpecError(
      field: "init", value: text, reason: "unknown initializer", accepted: acceptedForms)
  }

  package var description: String {
    switch self {
    case .he: "he"
    case .xavier: "xavier"
    case .normal(let sigma): "normal:\(sigma)"
    case .zeros: "zeros"
    }
  }

  /// The standard deviation of the weights for a layer with `fanIn` inputs per output.
  package func standardDeviation(fanIn: Int) -> Float {
    switch self {
    case .he: (2 / Float(max(fanIn, 1))).squareRoot()
    case .xavier: (1 / Float(max(fanIn, 1))).squareRoot()
    case .normal(let sigma): sigma
    case .zeros: 0
    }
  }

  /// A weight tensor of `shape` drawn from this initializer.
  ///
  /// - Parameters:
  ///   - fanIn: inputs feeding one output (`in` for Dense, `kh·kw·cIn` for Conv2D).
  ///   - fanOut: outputs fed by one input; kept for initializers that use it (none of the four
  ///     SPEC.md forms does).
  ///   - generator: the seeded source; advances by one draw per weight.
  package func makeWeights(
    shape: [Int], fanIn: Int, fanOut: Int, using generator: inout SeededGenerator
  )
    -> Tensor
  {
    let count = shape.reduce(1, *)
    let std = standardDeviation(fanIn: fanIn)
    guard std > 0 else { return Tensor(zeros: shape) }
    var scalars = [Float](repeating: 0, count: count)
    for i in 0..<count { scalars[i] = generator.nextGaussian() * std }
    return Tensor(shape: shape, scalars: scalars)
  }
}
