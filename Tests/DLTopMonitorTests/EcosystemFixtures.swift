import Foundation

@testable import DLTopMonitor

/// The fixtures written by `Fixtures/ecosystem/make_fixtures.py` with the real libraries
/// (transformers, mlflow, wandb, trackio, ultralytics, lightning), and `expected.json`: the
/// epoch-level values each library was given or reported, under dltop's metric names.
enum EcosystemFixtures {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/ecosystem").path

  static func path(_ relative: String) -> String { folder + "/" + relative }

  /// `expected.json` (bare `NaN` as Python writes it, which `JSONValue` reads).
  static let expected: JSONValue = {
    let text =
      FileManager.default.contents(atPath: path("expected.json"))
      .map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    return (try? JSONValue.parse(text)) ?? .null
  }()

  /// `expected[keys[0]][keys[1]]…`.
  static func value(_ keys: String...) -> JSONValue? {
    var current: JSONValue? = expected
    for key in keys { current = current?[key] }
    return current
  }

  static func string(_ keys: String...) -> String {
    var current: JSONValue? = expected
    for key in keys { current = current?[key] }
    if case .string(let text)? = current { return text }
    return "missing"
  }

  static func number(_ keys: String...) -> Double? {
    var current: JSONValue? = expected
    for key in keys { current = current?[key] }
    return current?.doubleValue
  }

  /// Epoch number → metric name → value, from an `"epochs"` object.
  static func epochs(_ object: JSONValue?) -> [Int: [String: Double]] {
    guard case .object(let members)? = object else { return [:] }
    var result: [Int: [String: Double]] = [:]
    for (key, row) in members {
      guard let epoch = Int(key), case .object(let values) = row else { continue }
      var metrics: [String: Double] = [:]
      for (name, value) in values { metrics[name] = value.doubleValue }
      result[epoch] = metrics
    }
    return result
  }

  /// The members of an object, in file order.
  static func members(_ object: JSONValue?) -> [(key: String, value: JSONValue)] {
    guard case .object(let members)? = object else { return [] }
    return members
  }
}

/// Checks that `log` has exactly the expected epochs and every expected value (NaN equal to NaN).
/// - Returns: the mismatches, as text; empty when everything agrees.
func mismatches(
  _ log: ParsedLog, _ expected: [Int: [String: Double]],
  close: (Double?, Double?) -> Bool = closeToDouble
) -> [String] {
  var problems: [String] = []
  let read = Dictionary(log.epochs.map { ($0.epoch, $0) }, uniquingKeysWith: { _, last in last })
  if Set(read.keys) != Set(expected.keys) {
    problems.append("epochs \(read.keys.sorted()) instead of \(expected.keys.sorted())")
  }
  for (epoch, row) in expected {
    for (name, value) in row {
      let got = read[epoch]?.metrics[name]
      let same = value.isNaN ? got?.isNaN == true : close(got, value)
      if !same {
        problems.append("epoch \(epoch) \(name): read \(String(describing: got)), wrote \(value)")
      }
    }
  }
  return problems
}
