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

  /// Found by the huggingface and ultralytics targets: a `step` or epoch too large for an Int
  /// trapped converting from Double, and a `\uD8xx` escape followed by a non-low-surrogate escape
  /// overflowed; now the step is dropped, the epoch is an issue and the escape is U+FFFD.
  @Test(arguments: [
    "trainer-state-huge-step.json", "trainer-state-huge-step-2.json",
    "trainer-state-huge-epoch.json",
  ])
  func aTrainerStateStepTooLargeForAnIntDoesNotTrap(_ name: String) throws {
    let bytes = try finding(name)
    _ = HuggingFaceTrainerStateSource.parse(Data(bytes), path: "trainer_state.json")
  }

  @Test(arguments: ["ultralytics-huge-epoch.csv", "ultralytics-huge-epoch-2.csv"])
  func anUltralyticsEpochTooLargeForAnIntIsAnIssue(_ name: String) throws {
    let bytes = try finding(name)
    let items = UltralyticsCSVParser.parse(Data(bytes), path: "results.csv")
    #expect(
      items.contains {
        if case .issue(let issue) = $0 { return issue.message.contains("epoch") }
        return false
      })
  }
}
