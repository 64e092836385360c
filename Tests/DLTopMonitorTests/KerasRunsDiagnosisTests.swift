import Foundation
import Testing

@testable import DLTopMonitor

/// Real Keras training runs (Fixtures/keras-runs, made by make_runs.py with settings chosen to
/// cause each condition) must get the label a careful person gives them.
struct KerasRunsDiagnosisTests {
  struct LabelledRun: CustomStringConvertible {
    var path: String
    var label: VerdictKind
    var classes: Int?
    var description: String { (path as NSString).lastPathComponent }
  }

  static func runs() throws -> [LabelledRun] {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
      "Fixtures/keras-runs")
    let labels = try JSONValue.parse(
      String(
        decoding: try Data(contentsOf: folder.appendingPathComponent("labels.json")), as: UTF8.self)
    )
    guard case .object(let runs) = labels["runs"] else { return [] }
    return runs.compactMap { member in
      guard let label = member.value["label"]?.stringValue.flatMap(VerdictKind.init(rawValue:))
      else { return nil }
      return LabelledRun(
        path: folder.appendingPathComponent(member.key + ".csv").path, label: label,
        classes: member.value["classes"]?.intValue)
    }
  }

  static func diagnose(_ run: LabelledRun) throws -> DiagnoseReport {
    DiagnoseReport(
      log: try LogFileReader.read(path: run.path), options: .init(classCount: run.classes))
  }

  @Test func thereAreAtLeastThirtyRunsCoveringEveryLabel() throws {
    let runs = try Self.runs()
    #expect(runs.count >= 30)
    #expect(
      Set(runs.map(\.label)) == [
        .healthy, .overfitting, .underfitting, .divergence, .oscillation, .plateau,
      ])
  }

  @Test func atLeastNinetyPercentGetTheirLabel() throws {
    let runs = try Self.runs()
    var wrong: [String] = []
    for run in runs {
      let report = try Self.diagnose(run)
      if report.verdict != run.label {
        wrong.append("\(run): \(run.label.rawValue) diagnosed \(report.verdict.rawValue)")
      }
    }
    let accuracy = Double(runs.count - wrong.count) / Double(max(1, runs.count))
    #expect(accuracy >= 0.9, "\(wrong)")
  }

  @Test func noHealthyRunIsCalledDivergentOrOverfitting() throws {
    for run in try Self.runs() where run.label == .healthy {
      let report = try Self.diagnose(run)
      #expect(
        !report.verdicts.contains { $0.kind == .divergence || $0.kind == .overfitting }, "\(run)")
    }
  }

  @Test func kerasEpochNumbersAreKeptFromZero() throws {
    let run = try #require(try Self.runs().first { $0.label == .overfitting })
    let report = try Self.diagnose(run)
    let log = try LogFileReader.read(path: run.path)
    #expect(log.epochs.first?.epoch == 0)
    let onset = try #require(report.verdicts.first?.onsetEpoch)
    #expect(log.epochs.contains { $0.epoch == onset })
  }
}
