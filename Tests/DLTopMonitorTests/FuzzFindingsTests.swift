import Foundation
import Testing

@testable import DLTopMonitor

/// Inputs the fuzz targets (Fuzz/Targets, scripts/fuzz.sh) found to crash a reader, kept in
/// Fixtures/fuzz-findings: each must now parse to issues, never trap.
struct FuzzFindingsTests {
  private func finding(_ name: String) throws -> [UInt8] {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures/fuzz-findings/\(name)")
    return [UInt8](try Data(contentsOf: url))
  }

  @Test func aKerasEpochOfSixtyDigitsIsAnIssueNotAnIntegerOverflow() throws {
    let bytes = try finding("keras-csv-huge-epoch.csv")
    let log = LogFileReader.parse(bytes: bytes[...], path: "training.log", format: .kerasCSV)
    #expect(log.issues.contains { $0.message.contains("is not an epoch number") })
    #expect(log.epochs.count >= 10)
  }
}
