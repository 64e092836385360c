import Foundation
import Testing

@testable import DLTopEngine

/// Schedules against their formulas. Run shape used throughout: α0 0.1, 10 steps per epoch,
/// 20 epochs = 200 steps (last step 199).
struct ScheduleTests {
  private func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-12 * max(1, abs(b)) }

  private func make(_ text: String) throws -> any LearningRateSchedule {
    try ScheduleSpec.parse(text).makeSchedule(baseRate: 0.1, stepsPerEpoch: 10, totalSteps: 200)
  }

  @Test func staircaseMatchesSeed004Example() throws {
    // 0.1 · 0.96^⌊step/50⌋: steps 0 and 49 → 0.1, 50 → 0.096, 100 → 0.09216, 5000 → 0.1·0.96^100.
    let schedule = try make("exp-staircase:rate=0.96,steps=50")
    #expect(close(schedule.learningRate(at: 0), 0.1))
    #expect(close(schedule.learningRate(at: 49), 0.1))
    #expect(close(schedule.learningRate(at: 50), 0.096))
    #expect(close(schedule.learningRate(at: 100), 0.09216))
    #expect(abs(schedule.learningRate(at: 5000) - 0.0016870319358849588) < 1e-15)
  }

  @Test func constantNeverChanges() throws {
    let schedule = try make("constant")
    for step in [0, 1, 199, 10_000] { #expect(schedule.learningRate(at: step) == 0.1) }
  }

  @Test func stepDecayDropsEveryEEpochs() throws {
    // ×0.1 every 8 epochs = every 80 steps: steps 0 and 79 → 0.1, 80 → 0.01, 160 and 199 → 0.001.
    let schedule = try make("step:every=8,factor=0.1")
    #expect(close(schedule.learningRate(at: 0), 0.1))
    #expect(close(schedule.learningRate(at: 79), 0.1))
    #expect(close(schedule.learningRate(at: 80), 0.01))
    #expect(close(schedule.learningRate(at: 160), 0.001))
    #expect(close(schedule.learningRate(at: 199), 0.001))
  }

  @Test func exponentialDecayUsesFractionalEpochs() throws {
    // 0.1·e^(−0.05·t): step 5 is t = 0.5 → 0.0975310; step 100 is t = 10 → 0.0606531.
    let schedule = try make("exp:k=0.05")
    #expect(close(schedule.learningRate(at: 0), 0.1))
    #expect(abs(schedule.learningRate(at: 5) - 0.09753099120283326) < 1e-15)
    #expect(abs(schedule.learningRate(at: 100) - 0.06065306597126335) < 1e-15)
  }

  @Test func inverseTimeDecayHalvesAtOneOverK() throws {
    // 0.1/(1 + 0.5·t): t = 2 (step 20) → 0.05; t = 19.9 (step 199) → 0.1/10.95.
    let schedule = try make("inverse-time:k=0.5")
    #expect(close(schedule.learningRate(at: 0), 0.1))
    #expect(close(schedule.learningRate(at: 20), 0.05))
    #expect(close(schedule.learningRate(at: 199), 0.1 / 10.95))
  }

  @Test func cosineFallsToItsFloorAtTheLastStep() throws {
    // min + (0.1 − min)(1 + cos(π·s/200))/2: s 0 → 0.1, s 100 → midpoint, s 200 and after → min.
    let plain = try make("cosine")
    #expect(close(plain.learningRate(at: 0), 0.1))
    #expect(close(plain.learningRate(at: 100), 0.05))
    #expect(close(plain.learningRate(at: 199), 0.05 * (1 + cos(Double.pi * 199 / 200))))
    #expect(plain.learningRate(at: 200) == 0)
    let floored = try make("cosine:min=1e-5")
    #expect(close(floored.learningRate(at: 100), 1e-5 + (0.1 - 1e-5) / 2))
    #expect(floored.learningRate(at: 500) == 1e-5)
  }

  /// Each schedule after a 5-step warmup: step 0 → 0, step 4 → 4/5 of the wrapped first rate,
  /// step 5 → the wrapped first rate (0.1), last step 199 → the wrapped schedule at 194 (the wrapped
  /// schedule is shifted by the warmup and, for cosine, spans the remaining 195 steps).
  static let warmupCases: [(inner: String, last: Double)] = [
    ("constant", 0.1),
    ("step:every=8,factor=0.1", 0.001),
    ("exp:k=0.05", 0.1 * exp(-0.05 * 19.4)),
    ("inverse-time:k=0.5", 0.1 / (1 + 0.5 * 19.4)),
    ("cosine", 0.05 * (1 + cos(Double.pi * 194 / 195))),
  ]

  @Test(arguments: warmupCases)
  func warmupRampsThenHandsOver(inner: String, last: Double) throws {
    let schedule = try make("warmup:steps=5,then=\(inner)")
    #expect(schedule.learningRate(at: 0) == 0)
    #expect(close(schedule.learningRate(at: 4), 0.08))
    #expect(close(schedule.learningRate(at: 5), 0.1))
    #expect(close(schedule.learningRate(at: 199), last))
  }

  @Test func warmupCanStartFromARate() throws {
    // start 0.02 → 0.1 over 4 steps: 0.02, 0.04, 0.06, 0.08, then 0.1.
    let schedule = try make("warmup:steps=4,start=0.02")
    let rates = (0...4).map { schedule.learningRate(at: $0) }
    for (rate, expected) in zip(rates, [0.02, 0.04, 0.06, 0.08, 0.1]) {
      #expect(close(rate, expected))
    }
  }

  @Test func plannedRatesSpanTheRequestedRange() throws {
    let schedule = try make("exp-staircase:rate=0.5,steps=10")
    let points = schedule.plannedRates(from: 0, to: 100, samples: 11)
    #expect(points.map(\.step) == [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100])
    #expect(close(points[2].rate, 0.025))
    #expect(schedule.plannedRates(from: 5, to: 7, samples: 10).map(\.step) == [5, 6, 7])
    #expect(schedule.plannedRates(from: 9, to: 3, samples: 10).isEmpty)
  }
}
