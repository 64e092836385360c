import Foundation

/// One value of a searched hyper-parameter: a number (η, λ, dropout) or a choice (`mlp:256,128`).
package enum ParameterValue: Sendable, Equatable, Hashable, CustomStringConvertible {
  case number(Double)
  case choice(String)

  package var number: Double? {
    if case .number(let value) = self { return value }
    return nil
  }

  /// As written on a `dltop train` command line: three significant digits for numbers.
  package var description: String {
    switch self {
    case .number(let value): String(format: "%.3g", value)
    case .choice(let text): text
    }
  }
}

/// Where a searched hyper-parameter's values are drawn from.
package enum ParameterDomain: Sendable, Equatable {
  /// log10 of the value is uniform in `[log10 low, log10 high]` (η, λ: SPEC's "sample on a log scale").
  case logUniform(ClosedRange<Double>)
  /// The value is uniform in the range (dropout).
  case uniform(ClosedRange<Double>)
  /// One of the listed values, each equally likely (batch size, model).
  case choices([String])

  /// Whether the axis of this parameter is drawn on a log scale.
  package var isLogarithmic: Bool {
    if case .logUniform = self { return true }
    return false
  }

  /// Draws one value.
  package func sample(using generator: inout some RandomNumberGenerator) -> ParameterValue {
    switch self {
    case .logUniform(let range):
      let low = log(range.lowerBound)
      let high = log(range.upperBound)
      return .number(
        low == high ? range.lowerBound : exp(Double.random(in: low...high, using: &generator)))
    case .uniform(let range):
      return .number(
        range.lowerBound == range.upperBound
          ? range.lowerBound : Double.random(in: range, using: &generator))
    case .choices(let values):
      return .choice(values[Int.random(in: 0..<values.count, using: &generator)])
    }
  }

  /// Whether `value` lies in this domain.
  package func contains(_ value: ParameterValue) -> Bool {
    switch (self, value) {
    case (.logUniform(let range), .number(let x)), (.uniform(let range), .number(let x)):
      range.contains(x)
    case (.choices(let values), .choice(let text)): values.contains(text)
    default: false
    }
  }

  /// `1e-06..0.01 (log)`, `0..0.5`, `32, 64, 128`.
  package var summary: String {
    func short(_ x: Double) -> String { String(format: "%.3g", x) }
    switch self {
    case .logUniform(let range): return "\(short(range.lowerBound))..\(short(range.upperBound)) log"
    case .uniform(let range): return "\(short(range.lowerBound))..\(short(range.upperBound))"
    case .choices(let values): return values.joined(separator: " / ")
    }
  }
}

/// A searched hyper-parameter: its `dltop train` flag name (without `--`) and its domain.
package struct SearchParameter: Sendable, Equatable {
  package var name: String
  package var domain: ParameterDomain

  package init(name: String, domain: ParameterDomain) {
    self.name = name
    self.domain = domain
  }
}
