import Foundation
import Testing

@testable import DLTopMonitor

/// SplitMix64, so the tests do not depend on the system generator.
private struct TestGenerator: RandomNumberGenerator {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// The Kolmogorov–Smirnov statistic of `samples` against the uniform distribution on [low, high].
private func ksUniform(_ samples: [Double], low: Double, high: Double) -> Double {
  let sorted = samples.sorted()
  let n = Double(sorted.count)
  var d = 0.0
  for (i, x) in sorted.enumerated() {
    let cdf = min(1, max(0, (x - low) / (high - low)))
    d = max(d, abs(cdf - Double(i) / n), abs(Double(i + 1) / n - cdf))
  }
  return d
}

struct SearchSpaceTests {
  /// The 1% critical value of the KS statistic for n samples: 1.63/√n.
  private func critical(_ n: Int) -> Double { 1.63 / Double(n).squareRoot() }

  @Test func logUniformIsUniformInTheExponent() {
    var generator = TestGenerator(state: 1)
    let domain = ParameterDomain.logUniform(1e-6...1e-2)
    let samples = (0..<2000).compactMap { _ in domain.sample(using: &generator).number }
    #expect(samples.allSatisfy { $0 >= 1e-6 && $0 <= 1e-2 })
    let exponents = samples.map(log10)
    #expect(ksUniform(exponents, low: -6, high: -2) < critical(2000))
    // The same samples are far from uniform on the linear scale (the check can fail).
    #expect(ksUniform(samples, low: 1e-6, high: 1e-2) > 0.5)
  }

  @Test func uniformIsUniform() {
    var generator = TestGenerator(state: 2)
    let samples = (0..<2000).compactMap { _ in
      ParameterDomain.uniform(0...0.5).sample(using: &generator).number
    }
    #expect(ksUniform(samples, low: 0, high: 0.5) < critical(2000))
    #expect(ksUniform(samples.map { $0 * $0 * 2 }, low: 0, high: 0.5) > critical(2000))
  }

  @Test func choicesAreEquallyLikely() {
    var generator = TestGenerator(state: 3)
    let values = ["32", "64", "128"]
    var counts: [String: Int] = [:]
    for _ in 0..<3000 {
      if case .choice(let text) = ParameterDomain.choices(values).sample(using: &generator) {
        counts[text, default: 0] += 1
      }
    }
    // χ² with 2 degrees of freedom; 9.21 is its 1% critical value.
    let chiSquare = values.reduce(0.0) { sum, value in
      let observed = Double(counts[value] ?? 0)
      return sum + (observed - 1000) * (observed - 1000) / 1000
    }
    #expect(chiSquare < 9.21, "counts \(counts)")
  }

  @Test func samplingIsReproducibleFromTheSeed() {
    let space = SearchSpace([
      SearchParameter(name: "lr", domain: .logUniform(1e-6...1e-2)),
      SearchParameter(name: "model", domain: .choices(["mlp:64", "mlp:256,128"])),
    ])
    var a = TestGenerator(state: 9)
    var b = TestGenerator(state: 9)
    #expect(
      (0..<10).map { _ in space.sample(using: &a) } == (0..<10).map { _ in space.sample(using: &b) }
    )
  }

  @Test func narrowingKeepsTheBestTrialsInsideTheNewBounds() {
    let space = SearchSpace([
      SearchParameter(name: "lr", domain: .logUniform(1e-6...1e-2)),
      SearchParameter(name: "l2", domain: .logUniform(1e-8...1e-4)),
      SearchParameter(name: "dropout", domain: .uniform(0...0.5)),
      SearchParameter(name: "batch", domain: .choices(["32", "64", "128"])),
    ])
    var generator = TestGenerator(state: 4)
    for _ in 0..<200 {
      let count = Int.random(in: 1...6, using: &generator)
      let best = (0..<count).map { _ in space.sample(using: &generator) }
      let narrowed = space.narrowed(around: best)
      for configuration in best {
        for (parameter, value) in zip(narrowed.parameters, configuration) {
          #expect(
            parameter.domain.contains(value),
            "\(parameter.name) \(parameter.domain.summary) lost \(value)")
        }
      }
      // Never wider than before.
      for (old, new) in zip(space.parameters, narrowed.parameters) {
        switch (old.domain, new.domain) {
        case (.logUniform(let a), .logUniform(let b)), (.uniform(let a), .uniform(let b)):
          #expect(b.lowerBound >= a.lowerBound && b.upperBound <= a.upperBound)
        case (.choices(let a), .choices(let b)):
          #expect(Set(b).isSubset(of: Set(a)))
        default:
          Issue.record("domain kind changed")
        }
      }
    }
  }

  @Test func narrowingShrinksAroundCloseBestValues() {
    let space = SearchSpace([SearchParameter(name: "lr", domain: .logUniform(1e-6...1e-2))])
    let narrowed = space.narrowed(around: [[.number(1e-3)], [.number(2e-3)]])
    guard case .logUniform(let range) = narrowed.parameters[0].domain else {
      Issue.record("not log-uniform")
      return
    }
    // 10% of 4 decades on each side: 10^(-3 - 0.4) … 10^(log10(2e-3) + 0.4).
    #expect(abs(log10(range.lowerBound) - (-3.4)) < 1e-9)
    #expect(abs(log10(range.upperBound) - (log10(2e-3) + 0.4)) < 1e-9)
  }
}

struct MedianStoppingRuleTests {
  @Test func prunesATrialWorseThanTheMedianOfEarlierTrials() {
    let rule = MedianStoppingRule()
    let others = [0.5, 0.6, 0.7, 0.8, 0.9]
    #expect(rule.shouldPrune(epoch: 1, bestSoFar: 0.75, others: others))
    #expect(!rule.shouldPrune(epoch: 1, bestSoFar: 0.65, others: others))
    #expect(
      !rule.shouldPrune(epoch: 1, bestSoFar: 0.7, others: others), "equal to the median is kept")
  }

  @Test func waitsForFiveTrialsAndTheWarmup() {
    #expect(
      !MedianStoppingRule().shouldPrune(epoch: 3, bestSoFar: 9, others: [0.1, 0.2, 0.3, 0.4]))
    #expect(
      !MedianStoppingRule(warmupEpochs: 2).shouldPrune(
        epoch: 2, bestSoFar: 9, others: [0.1, 0.2, 0.3, 0.4, 0.5]))
    #expect(
      MedianStoppingRule(warmupEpochs: 2).shouldPrune(
        epoch: 3, bestSoFar: 9, others: [0.1, 0.2, 0.3, 0.4, 0.5]))
  }

  @Test func aNonFiniteLossIsPrunedAndNaNOthersDoNotCount() {
    let rule = MedianStoppingRule()
    #expect(rule.shouldPrune(epoch: 1, bestSoFar: .nan, others: [1, 1, 1, 1, 1]))
    #expect(!rule.shouldPrune(epoch: 1, bestSoFar: 5, others: [1, 1, 1, 1, .nan]))
    #expect(MedianStoppingRule.median([4, 1, 3, 2]) == 2.5)
  }
}

struct SearchSnapshotTests {
  private func trial(_ id: Int, _ status: TrialStatus, losses: [Double], planned: Int = 5)
    -> TrialSummary
  {
    var summary = TrialSummary(
      id: id, round: 1, values: [.number(Double(id))], plannedEpochs: planned, command: "")
    summary.status = status
    summary.epochs = losses.enumerated().map {
      EpochRecord(epoch: $0 + 1, metrics: [MetricName.validationLoss.rawValue: $1])
    }
    return summary
  }

  @Test func ranksByFinalValidationLossAndCountsPrunedEpochs() {
    var snapshot = SearchSnapshot(
      title: "t", space: SearchSpace([SearchParameter(name: "lr", domain: .logUniform(1e-4...1))]),
      totalRounds: 1,
      pruner: "median", parallelTrials: 1)
    snapshot.trials = [
      trial(1, .done, losses: [0.9, 0.5, 0.4, 0.35, 0.3]),
      trial(2, .pruned, losses: [1.2]),
      trial(3, .done, losses: [0.8, 0.4, 0.3, 0.25, 0.2]),
      trial(4, .failed, losses: [.nan]),
      trial(5, .running, losses: [0.1, 0.05]),
      trial(6, .pruned, losses: [1.0, 0.9]),
    ]
    #expect(snapshot.best?.id == 3)
    #expect(snapshot.ranked().map(\.id) == [3, 1, 2, 4, 5, 6])
    #expect(snapshot.prunedEpochsSaved == 4 + 3)
    #expect(snapshot.epochsRun == 5 + 1 + 5 + 1 + 2 + 2)
  }
}
