import Foundation
import Testing

@testable import DLTopMonitor

/// Damaged copies of the SQLite stores (cut short, one byte flipped): whatever is read is what the
/// intact database holds, and when rows are missing the damage is reported, naming the file.
struct DamagedDatabaseTests {
  enum Damage: String, CaseIterable, Sendable {
    case truncatedAtHalf, truncatedAtThreeQuarters, flippedInTheLastPage, flippedInTheMiddle
  }

  private static func damaged(_ original: String, _ damage: Damage, in folder: TemporaryDirectory)
    throws -> String
  {
    var bytes = [UInt8](FileManager.default.contents(atPath: original) ?? Data())
    switch damage {
    case .truncatedAtHalf: bytes = Array(bytes.prefix(bytes.count / 2 + 100))
    case .truncatedAtThreeQuarters: bytes = Array(bytes.prefix(bytes.count * 3 / 4 + 100))
    case .flippedInTheLastPage: bytes[bytes.count - 2000] ^= 0x5A
    case .flippedInTheMiddle: bytes[bytes.count / 2 + 57] ^= 0x5A
    }
    let path = folder.file((original as NSString).lastPathComponent)
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
  }

  private static func check(intact: [ParsedLog], damaged: [ParsedLog]) {
    let reference = Dictionary(
      intact.map { ($0.path.split(separator: "#").last.map(String.init) ?? "", $0) },
      uniquingKeysWith: { a, _ in a })
    for log in damaged {
      let key = log.path.split(separator: "#").last.map(String.init) ?? ""
      let whole = reference[key]
      for record in log.epochs {
        let original = whole?.epochs.first { $0.epoch == record.epoch }
        for (name, value) in record.metrics {
          let expected = original?.metrics[name]
          #expect(
            expected == value || (expected?.isNaN == true && value.isNaN),
            "\(key) epoch \(record.epoch) \(name)")
        }
      }
      // NaN is a value here (a diverged run): compare the text of the values.
      func text(_ epochs: [EpochRecord]) -> [String] {
        epochs.map {
          $0.metrics.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(
            separator: ",")
        }
      }
      let complete = text(log.epochs) == text(whole?.epochs ?? [])
      #expect(complete || !log.issues.isEmpty, "\(key): rows missing without an issue")
      #expect(log.issues.allSatisfy { $0.path.hasSuffix(".db") })
    }
  }

  @Test(arguments: Damage.allCases)
  func aDamagedMLflowDatabaseKeepsWhatItCanReadAndSaysSo(_ damage: Damage) throws {
    let folder = TemporaryDirectory()
    defer { folder.remove() }
    let original = EcosystemFixtures.path("mlflow/mlflow.db")
    let path = try Self.damaged(original, damage, in: folder)
    let intact = LogDiscovery.runs(at: original).map(WatchRunReader.read)
    let runs = ExternalRunFiles.databaseRuns(at: path).map {
      LogDiscovery.Run(name: $0.runKey ?? "", root: path + "#" + ($0.runKey ?? ""), files: [$0])
    }
    Self.check(intact: intact, damaged: runs.map(WatchRunReader.read))
  }

  @Test(arguments: Damage.allCases)
  func aDamagedTrackioDatabaseKeepsWhatItCanReadAndSaysSo(_ damage: Damage) throws {
    let folder = TemporaryDirectory()
    defer { folder.remove() }
    let original = EcosystemFixtures.path(EcosystemFixtures.string("trackio", "file"))
    let path = try Self.damaged(original, damage, in: folder)
    let intact = LogDiscovery.runs(at: original).map(WatchRunReader.read)
    // The run list itself may be unreadable: read the known runs directly.
    let runs = ["alpha", "beta"].map {
      LogDiscovery.Run(
        name: $0, root: path + "#" + $0,
        files: [LogDiscovery.File(path: path, format: .trackio, runKey: $0)])
    }
    Self.check(intact: intact, damaged: runs.map(WatchRunReader.read))
  }

  @Test func aDatabaseThatCannotBeOpenedIsAnIssueNamingTheFile() {
    var source = MLflowSQLiteSource(path: "/nonexistent/mlflow.db", runID: "x")
    let outcome = source.poll()
    #expect(
      outcome.items.contains {
        if case .issue(let issue) = $0 { issue.path == "/nonexistent/mlflow.db" } else { false }
      })
  }
}
