import Foundation

@testable import DLTopMonitor

/// The fixtures written by `Fixtures/watch/make_fixtures.py` with the real libraries, and the
/// values that script recorded in `expected.json`.
enum WatchFixtures {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/watch").path

  static func path(_ relative: String) -> String { folder + "/" + relative }

  static func bytes(_ relative: String) -> [UInt8] {
    (FileManager.default.contents(atPath: path(relative))).map { [UInt8]($0) } ?? []
  }

  /// `expected.json` as nested dictionaries.
  static var expected: [String: Any] {
    guard let data = FileManager.default.contents(atPath: path("expected.json")),
      let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
    else { return [:] }
    return object
  }

  /// The recorded metric `name` of `epoch` in section `section` ("tbx", "keras", …).
  static func value(_ section: String, epoch: Int, _ name: String) -> Double? {
    let epochs = (expected[section] as? [String: Any])?["epochs"] as? [String: Any]
    return ((epochs?[String(epoch)] as? [String: Any])?[name] as? NSNumber)?.doubleValue
  }

  static func string(_ section: String, _ key: String) -> String? {
    (expected[section] as? [String: Any])?[key] as? String
  }

  static func integer(_ section: String, _ key: String) -> Int? {
    ((expected[section] as? [String: Any])?[key] as? NSNumber)?.intValue
  }

  /// The first event file under `relative` (the writers put host and time in the name).
  static func eventFile(in relative: String) -> String {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: path(relative))) ?? []
    let name = names.sorted().first { $0.hasPrefix("events.out.tfevents.") } ?? "missing"
    return relative + "/" + name
  }

  /// Parses a whole file in one feed.
  static func parse<P: IncrementalLogParser>(_ relative: String, _ parser: P) -> [LogItem] {
    var parser = parser
    return parser.feed(bytes(relative)[...]) + parser.finish()
  }
}

/// Whether two metric values agree to float32 precision (event files store scalars as float32).
func closeToFloat(_ a: Double?, _ b: Double?) -> Bool {
  guard let a, let b else { return false }
  return abs(a - b) <= 1e-6 * max(1, abs(a), abs(b))
}

/// Whether two values agree to 1e-12 relative (Foundation's JSON reader may round the last digit).
func closeToDouble(_ a: Double?, _ b: Double?) -> Bool {
  guard let a, let b else { return false }
  return abs(a - b) <= 1e-12 * max(1, abs(a), abs(b))
}
