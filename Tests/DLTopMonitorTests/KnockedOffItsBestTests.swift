import Foundation
import Testing

@testable import DLTopMonitor

/// A train loss that ends well above its own best (issue 11's reference "the run's own best"):
/// a step overshot and threw the network off the minimum it had found — oscillation (lower η),
/// not underfitting or a healthy run. A run whose losses end at their best is not.
struct KnockedOffItsBestTests {
  let diagnoser = Diagnoser(options: Diagnoser.Options(classCount: 3))

  /// Both losses fall to about 0.3 by epoch 12, then one step throws them up to about 0.55, where
  /// they stay.
  static func knocked(_ t: Double) -> [String: Double] {
    let base = 0.3 + 0.8 * exp(-t / 4)
    let knock = t >= 14 ? 0.25 : 0
    return ["loss": base + knock, "val_loss": base + 0.05 + knock]
  }

  @Test func aLossThrownOffItsBestIsOscillation() throws {
    let records = history(30, noise: 0.01, Self.knocked)
    let diagnosis = diagnoser.diagnose(records)
    #expect(diagnosis.label == .oscillation)
    let verdict = try #require(diagnosis.verdicts.first)
    #expect(verdict.evidence.contains("its best"))
    #expect(verdict.confidence < 0.8)
    #expect((9...13).contains(verdict.onsetEpoch ?? 0))
  }

  @Test func theSameRunWithoutTheKnockIsHealthy() {
    let records = history(30, noise: 0.01) { t in
      let base = 0.3 + 0.8 * exp(-t / 4)
      return ["loss": base, "val_loss": base + 0.05]
    }
    #expect(diagnoser.diagnose(records).label == .healthy)
  }

  /// The real run (the first tuning half's Keras runs): SGD with momentum on spirals; the loss
  /// zig-zags down to 0.75 by epoch 16, then sits at 1.0 (called underfitting before).
  @Test func theKerasMomentumRunOnSpiralsIsOscillation() throws {
    let diagnosis = try OscillationFamiliesTests.diagnosis(
      "keras-runs/oscillation-spirals-momentum-1.csv")
    #expect(diagnosis.label == .oscillation)
  }
}
