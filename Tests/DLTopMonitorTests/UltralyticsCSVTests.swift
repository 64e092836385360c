import Foundation
import Testing

@testable import DLTopMonitor

struct UltralyticsCSVTests {
  private var file: String {
    EcosystemFixtures.path(EcosystemFixtures.string("ultralytics", "file"))
  }

  @Test func everyEpochIsReadAndAResumedEpochTakesItsLaterRow() throws {
    let log = try WatchRunReader.read(path: file)
    #expect(log.format == .ultralyticsCSV)
    let expected = EcosystemFixtures.epochs(EcosystemFixtures.value("ultralytics", "epochs"))
    #expect(expected.count == 3)
    // The resume repeated an epoch: more rows than epochs.
    #expect((EcosystemFixtures.number("ultralytics", "rows") ?? 0) > 3)
    #expect(mismatches(log, expected) == [])
  }

  @Test func theRunFolderIsFound() {
    let runs = LogDiscovery.runs(at: EcosystemFixtures.path("ultralytics"))
    #expect(runs.map(\.name) == ["runs/train"])
    #expect(runs.first?.files.first?.format == .ultralyticsCSV)
  }

  /// Ultralytics before 8.1 padded every header and cell to 23 characters (`'%23s,'`).
  @Test func spacePaddedHeadersAndCellsAreTrimmed() throws {
    let text = String(decoding: FileManager.default.contents(atPath: file) ?? Data(), as: UTF8.self)
    let padded =
      text.split(separator: "\n").map { line in
        line.split(separator: ",", omittingEmptySubsequences: false).map {
          String(repeating: " ", count: max(0, 23 - $0.count)) + $0
        }.joined(separator: ",")
      }.joined(separator: "\n") + "\n"
    #expect(
      FormatDetector.detect(path: "results.csv", head: Array(padded.utf8)[...]) == .ultralyticsCSV)
    var parser = UltralyticsCSVParser(path: "results.csv")
    var log = ParsedLog(path: "results.csv", format: .ultralyticsCSV)
    log.append(parser.feed(Array(padded.utf8)[...]))
    log.append(parser.finish())
    let plain = try WatchRunReader.read(path: file)
    var merged: [Int: EpochRecord] = [:]
    for record in log.epochs { merged[record.epoch] = record }
    #expect(merged.keys.sorted() == plain.epochs.map(\.epoch))
    #expect(plain.epochs.allSatisfy { merged[$0.epoch]?.metrics == $0.metrics })
  }

  @Test func aCellThatIsNotANumberNamesLineAndColumn() {
    var parser = UltralyticsCSVParser(path: "results.csv")
    let items = parser.feed(Array("epoch,time,train/loss\n1,0.5,oops\n".utf8)[...])
    #expect(
      items == [
        .issue(
          LogIssue(
            path: "results.csv", line: 2, field: "train/loss", message: "'oops' is not a number"))
      ])
  }
}
