import Foundation
import Testing

@testable import DLTopMonitor

struct EarlyStoppingTests {
  /// One curve of `Fixtures/keras-earlystopping/fixtures.json` and what Keras did with it.
  struct KerasCase: CustomStringConvertible {
    var name: String
    var options: EarlyStopping.Options
    var values: [Double?]
    var stopEpoch: Int?
    var bestEpoch: Int
    var wait: Int
    var description: String { name }
  }

  static func kerasCases() throws -> [KerasCase] {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures/keras-earlystopping/fixtures.json")
    let document = try JSONValue.parse(String(decoding: try Data(contentsOf: url), as: UTF8.self))
    guard case .array(let cases) = document["cases"] else { return [] }
    return cases.map { item in
      let keras = item["keras"]
      var options = EarlyStopping.Options()
      options.stopOnNonFinite = false
      options.monitor = keras?["monitor"]?.stringValue ?? "val_loss"
      options.mode =
        keras?["mode"]?.stringValue.flatMap(EarlyStopping.Mode.init(rawValue:)) ?? .auto
      options.patience = keras?["patience"]?.intValue ?? 0
      options.minDelta = keras?["min_delta"]?.doubleValue ?? 0
      options.baseline = keras?["baseline"]?.doubleValue
      options.startFromEpoch = keras?["start_from_epoch"]?.intValue ?? 0
      options.restoreBestWeights = keras?["restore_best_weights"] == .bool(true)
      var values: [Double?] = []
      if case .array(let raw) = item["values"] {
        values = raw.map { $0 == .null ? nil : $0.doubleValue }
      }
      let expected = item["expected"]
      return KerasCase(
        name: item["name"]?.stringValue ?? "?", options: options, values: values,
        stopEpoch: expected?["stop_epoch"]?.intValue,
        bestEpoch: expected?["best_epoch"]?.intValue ?? -1,
        wait: expected?["wait"]?.intValue ?? -1)
    }
  }

  static func records(_ values: [Double?], monitor: String, firstEpoch: Int = 0) -> [EpochRecord] {
    values.enumerated().map { index, value in
      EpochRecord(
        epoch: firstEpoch + index,
        metrics: value.map { [monitor: $0, "seconds_left": 1] } ?? ["seconds_left": 1])
    }
  }

  @Test func theKerasFixturesAreThere() throws {
    #expect(try Self.kerasCases().count >= 30)
  }

  @Test(arguments: try kerasCases())
  func stopsAtTheSameEpochAsKeras(_ kerasCase: KerasCase) {
    var policy = EarlyStopping(options: kerasCase.options)
    var stoppedAt: Int?
    for record in Self.records(kerasCase.values, monitor: kerasCase.options.monitor) {
      if policy.observe(record).shouldStop {
        stoppedAt = record.epoch
        break
      }
    }
    #expect(stoppedAt == kerasCase.stopEpoch)
    #expect(policy.bestEpoch ?? 0 == kerasCase.bestEpoch)
    #expect(policy.wait == kerasCase.wait)
  }

  @Test(arguments: try kerasCases().filter { $0.options.mode == .max })
  func autoModeMaximizesAccuracyLikeExplicitMax(_ kerasCase: KerasCase) {
    var options = kerasCase.options
    options.mode = .auto
    let policy = EarlyStopping.replay(
      Self.records(kerasCase.values, monitor: options.monitor), options: options)
    #expect(policy.stoppedEpoch == kerasCase.stopEpoch)
  }

  @Test func aNaNStopsAtOnceAndNeverBecomesTheBest() {
    var options = EarlyStopping.Options()
    options.patience = 10
    options.restoreBestWeights = true
    var policy = EarlyStopping(options: options)
    let records = Self.records([1.0, 0.8, .nan, 0.5], monitor: "val_loss", firstEpoch: 1)
    #expect(!policy.observe(records[0]).shouldStop)
    #expect(!policy.observe(records[1]).shouldStop)
    let decision = policy.observe(records[2])
    #expect(decision.shouldStop)
    #expect(decision.restoreEpoch == 2)
    #expect(policy.bestEpoch == 2)
    #expect(policy.best == 0.8)
    #expect(policy.status.stoppedEpoch == 3)
  }

  @Test func thresholdsStopWhenReachedOrPassed() {
    var options = EarlyStopping.Options()
    options.stoppingThreshold = 0.1
    #expect(
      EarlyStopping.replay(
        Self.records([1, 0.5, 0.09, 0.05], monitor: "val_loss"), options: options
      ).stoppedEpoch == 2)
    options = EarlyStopping.Options()
    options.divergenceThreshold = 10
    #expect(
      EarlyStopping.replay(Self.records([1, 5, 12, 0.05], monitor: "val_loss"), options: options)
        .stoppedEpoch == 2)
  }

  @Test func aDisabledPolicyTracksTheBestButNeverStops() {
    var options = EarlyStopping.Options()
    options.patience = 1
    var policy = EarlyStopping(options: options)
    policy.enabled = false
    let decisions = Self.records([1, 2, 3, 4], monitor: "val_loss").map { policy.observe($0) }
    #expect(decisions.allSatisfy { !$0.shouldStop })
    #expect(policy.bestEpoch == 0)
    #expect(policy.status.wait == 3)
  }

  @Test func theFlagTextParses() throws {
    let options = try EarlyStopping.Options.parse(
      "patience=5,min-delta=0.01,restore-best,monitor=val_acc,mode=max,baseline=0.5,start-from=3,stop-at=0.99,diverge-at=0.1"
    )
    #expect(options.patience == 5)
    #expect(options.minDelta == 0.01)
    #expect(options.restoreBestWeights)
    #expect(options.monitor == "val_accuracy")
    #expect(options.mode == .max)
    #expect(options.baseline == 0.5)
    #expect(options.startFromEpoch == 3)
    #expect(options.stoppingThreshold == 0.99)
    #expect(options.divergenceThreshold == 0.1)
    #expect(try EarlyStopping.Options.parse("").patience == 20)
  }

  @Test func aBadKeyOrValueIsNamedInTheError() {
    #expect(throws: EarlyStoppingOptionError.self) { try EarlyStopping.Options.parse("patience=x") }
    do {
      _ = try EarlyStopping.Options.parse("patience=3,patiense=4")
      Issue.record("expected an error")
    } catch {
      #expect(error.key == "patiense")
      #expect(error.description.hasPrefix("--early-stop: 'patiense': unknown key"))
    }
    do {
      _ = try EarlyStopping.Options.parse("mode=up")
      Issue.record("expected an error")
    } catch {
      #expect(error.key == "mode")
    }
  }
}
