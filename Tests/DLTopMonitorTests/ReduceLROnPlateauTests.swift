import Foundation
import Testing

@testable import DLTopMonitor

struct ReduceLROnPlateauTests {
  struct KerasCase: CustomStringConvertible {
    var name: String
    var options: ReduceLROnPlateau.Options
    var initialRate: Double
    var values: [Double?]
    var rates: [Double]
    var description: String { name }
  }

  static func kerasCases() throws -> [KerasCase] {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures/keras-reducelr/fixtures.json")
    let document = try JSONValue.parse(String(decoding: try Data(contentsOf: url), as: UTF8.self))
    guard case .array(let cases) = document["cases"] else { return [] }
    return cases.map { item in
      let keras = item["keras"]
      var options = ReduceLROnPlateau.Options()
      options.monitor = keras?["monitor"]?.stringValue ?? "val_loss"
      options.mode = keras?["mode"]?.stringValue.flatMap(EarlyStopping.Mode.init(rawValue:)) ?? .auto
      options.patience = keras?["patience"]?.intValue ?? 10
      options.factor = keras?["factor"]?.doubleValue ?? 0.1
      options.minDelta = keras?["min_delta"]?.doubleValue ?? 1e-4
      options.cooldown = keras?["cooldown"]?.intValue ?? 0
      options.minLearningRate = keras?["min_lr"]?.doubleValue ?? 0
      var values: [Double?] = []
      if case .array(let raw) = item["values"] { values = raw.map { $0 == .null ? nil : $0.doubleValue } }
      var rates: [Double] = []
      if case .array(let raw) = item["expected_rates"] { rates = raw.compactMap(\.doubleValue) }
      return KerasCase(
        name: item["name"]?.stringValue ?? "?", options: options, initialRate: item["lr0"]?.doubleValue ?? 0,
        values: values, rates: rates)
    }
  }

  @Test func theKerasFixturesAreThere() throws {
    #expect(try Self.kerasCases().count >= 10)
  }

  @Test(arguments: try kerasCases())
  func lowersTheRateAtTheSameEpochsAsKeras(_ kerasCase: KerasCase) {
    var policy = ReduceLROnPlateau(options: kerasCase.options, learningRate: kerasCase.initialRate)
    var rates: [Double] = []
    for (index, value) in kerasCase.values.enumerated() {
      let metrics = value.map { [kerasCase.options.monitor: $0] } ?? [:]
      _ = policy.observe(EpochRecord(epoch: index, metrics: metrics))
      rates.append(policy.learningRate)
    }
    #expect(rates.count == kerasCase.rates.count)
    for (ours, theirs) in zip(rates, kerasCase.rates) {
      #expect(abs(ours - theirs) <= 1e-7 * theirs, "\(rates) vs \(kerasCase.rates)")
    }
  }

  @Test func observeReturnsTheNewRateOnlyWhenItChanges() {
    var options = ReduceLROnPlateau.Options()
    options.patience = 1
    options.factor = 0.5
    var policy = ReduceLROnPlateau(options: options, learningRate: 0.1)
    #expect(policy.observe(EpochRecord(epoch: 1, metrics: ["val_loss": 1])) == nil)
    #expect(policy.observe(EpochRecord(epoch: 2, metrics: ["val_loss": 1])) == Double(Float(0.05)))
    policy.setLearningRate(0.2)
    #expect(policy.observe(EpochRecord(epoch: 3, metrics: ["val_loss": 1])) == Double(Float(0.1)))
  }
}
