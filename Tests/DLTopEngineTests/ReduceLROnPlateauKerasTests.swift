import Foundation
import Testing

@testable import DLTopEngine

/// The engine's reduce-on-plateau against curves run through the real
/// `keras.callbacks.ReduceLROnPlateau` (Fixtures/keras-reducelr: the script and its output).
struct ReduceLROnPlateauKerasTests {
  struct KerasCase: CustomStringConvertible, Sendable {
    var name: String
    var factor: Double
    var patience: Int
    var cooldown: Int
    var minDelta: Double
    var minRate: Double
    var maximizes: Bool
    var initialRate: Double
    var values: [Double?]
    var rates: [Double]
    var description: String { name }
  }

  static func kerasCases() throws -> [KerasCase] {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures/keras-reducelr/fixtures.json")
    let document = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
    let cases = document?["cases"] as? [[String: Any]] ?? []
    return cases.map { item in
      let keras = item["keras"] as? [String: Any] ?? [:]
      let monitor = keras["monitor"] as? String ?? "val_loss"
      let mode = keras["mode"] as? String ?? "auto"
      return KerasCase(
        name: item["name"] as? String ?? "?",
        factor: keras["factor"] as? Double ?? 0.1, patience: keras["patience"] as? Int ?? 10,
        cooldown: keras["cooldown"] as? Int ?? 0, minDelta: keras["min_delta"] as? Double ?? 1e-4,
        minRate: keras["min_lr"] as? Double ?? 0,
        maximizes: mode == "max" || (mode == "auto" && monitor.contains("acc")),
        initialRate: item["lr0"] as? Double ?? 0,
        values: (item["values"] as? [Any] ?? []).map(Self.number),
        rates: item["expected_rates"] as? [Double] ?? [])
    }
  }

  /// A fixture number: JSON numbers, or the strings "NaN"/"Infinity" Python's `json` can't write
  /// as numbers; null (a missing value) stays nil.
  static func number(_ value: Any) -> Double? {
    if let number = value as? Double { return number }
    if let text = value as? String { return Double(text) }
    return nil
  }

  @Test func theKerasFixturesAreThere() throws {
    #expect(try Self.kerasCases().count >= 10)
  }

  @Test(arguments: try kerasCases())
  func lowersTheRateAtTheSameEpochsAsKeras(_ kerasCase: KerasCase) {
    let policy = ReduceLROnPlateau(
      learningRate: kerasCase.initialRate, factor: kerasCase.factor, patience: kerasCase.patience,
      cooldown: kerasCase.cooldown, minDelta: kerasCase.minDelta, minRate: kerasCase.minRate,
      mode: kerasCase.maximizes ? .max : .min)
    var rates: [Double] = []
    for value in kerasCase.values {
      // Keras skips an epoch whose logs lack the monitored value.
      if let value { _ = policy.observe(value) }
      rates.append(policy.learningRate)
    }
    #expect(rates.count == kerasCase.rates.count)
    for (ours, theirs) in zip(rates, kerasCase.rates) {
      // Keras keeps the rate in a float32 variable; ours is a Double.
      #expect(abs(ours - theirs) <= 1e-6 * theirs, "\(rates) vs \(kerasCase.rates)")
    }
  }
}
