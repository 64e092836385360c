import Foundation

/// The hyper-parameters a search samples, and the coarse-to-fine narrowing between rounds.
///
/// SPEC (seed 002): random search, log scale for η and λ, keep the best region, narrow, repeat.
package struct SearchSpace: Sendable, Equatable {
  package var parameters: [SearchParameter]

  package init(_ parameters: [SearchParameter]) {
    self.parameters = parameters
  }

  /// One configuration: a value per parameter, in `parameters` order.
  package func sample(using generator: inout some RandomNumberGenerator) -> [ParameterValue] {
    parameters.map { $0.domain.sample(using: &generator) }
  }

  /// The space of the next round: each range shrunk to the span of `best` (the previous rounds'
  /// best configurations), widened by `margin` of the current range's width on each side (in
  /// log10 units on a log range) and clipped to the current range; each choice list cut to the
  /// values some of `best` used. Every configuration in `best` lies inside the result.
  ///
  /// - Parameters:
  ///   - best: configurations in `parameters` order (at least one).
  ///   - margin: fraction of the current width added on each side (0.1 by default).
  package func narrowed(around best: [[ParameterValue]], margin: Double = 0.1) -> SearchSpace {
    guard !best.isEmpty else { return self }
    var result = parameters
    for (index, parameter) in parameters.enumerated() {
      let values = best.map { $0[index] }
      switch parameter.domain {
      case .logUniform(let range):
        let logs = values.compactMap(\.number).filter { $0 > 0 }.map(log10)
        guard let low = logs.min(), let high = logs.max() else { continue }
        let width = log10(range.upperBound) - log10(range.lowerBound)
        let newLow = max(log10(range.lowerBound), low - margin * width)
        let newHigh = min(log10(range.upperBound), high + margin * width)
        // Clamp so that rounding of pow(10, log10(x)) never leaves a best value outside.
        let lower = min(pow(10, newLow), values.compactMap(\.number).min() ?? range.lowerBound)
        let upper = max(pow(10, newHigh), values.compactMap(\.number).max() ?? range.upperBound)
        result[index].domain = .logUniform(
          max(range.lowerBound, lower)...min(range.upperBound, upper))
      case .uniform(let range):
        let numbers = values.compactMap(\.number)
        guard let low = numbers.min(), let high = numbers.max() else { continue }
        let width = range.upperBound - range.lowerBound
        result[index].domain = .uniform(
          max(range.lowerBound, low - margin * width)...min(range.upperBound, high + margin * width)
        )
      case .choices(let choices):
        let used = Set(
          values.compactMap { value -> String? in
            if case .choice(let text) = value { return text }
            return nil
          })
        let kept = choices.filter(used.contains)
        if !kept.isEmpty { result[index].domain = .choices(kept) }
      }
    }
    return SearchSpace(result)
  }
}
