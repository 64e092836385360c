import Foundation
import Testing

@testable import DLTopMonitor

/// The test split's results in a snapshot folder: `test.txt` appears once the run has them.
struct TestResultsExportTests {
  @Test func aFinishedRunsSnapshotHoldsTheTestResults() throws {
    let parent = TemporaryDirectory()
    defer { parent.remove() }
    var snapshot = SnapshotExporterTests.sampleSnapshot(status: .finished(reason: "all epochs run"))
    snapshot.test = TestSummary(
      loss: 0.25, accuracy: 0.8,
      confusion: [[10, 0, 0], [0, 8, 2], [0, 4, 6]], sampleCount: 30)
    let folder = try SnapshotExporter.export(
      snapshot: snapshot, screenText: "screen", into: parent.path)
    let text = try String(
      contentsOfFile: (folder as NSString).appendingPathComponent("test.txt"), encoding: .utf8)
    #expect(text.hasPrefix("test split: 30 samples\nloss: 0.25\naccuracy: 0.8\n"))
    #expect(text.contains("test confusion matrix (rows: true class, columns: predicted)"))
    #expect(text.contains("versicolor"))
    #expect(!text.contains("at epoch"))
    // precision of versicolor: 8 / (8 + 4)
    #expect(text.contains("0.6667"))
  }

  @Test func aRunningRunsSnapshotHasNoTestFile() throws {
    let parent = TemporaryDirectory()
    defer { parent.remove() }
    let folder = try SnapshotExporter.export(
      snapshot: SnapshotExporterTests.sampleSnapshot(status: .running), screenText: "s",
      into: parent.path)
    #expect(
      !FileManager.default.fileExists(
        atPath: (folder as NSString).appendingPathComponent("test.txt")))
  }

  @Test func binaryScoresNameThePositiveClass() {
    let results = TestSummary(
      loss: 0.1, accuracy: 0.9,
      confusion: [[6, 1], [0, 3]], positiveClass: 1, sampleCount: 10)
    let text = SnapshotFiles.testText(results, classNames: ["benign", "malignant"])
    #expect(text.contains("positive class: malignant (precision 0.75, recall 1.0)"))
    let expected: Double = (6.0 / 7.0 + 1.0) / 2.0
    let recall = results.macro?.recall
    #expect(recall == expected)
  }
}
