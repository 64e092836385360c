import Foundation
import Testing

@testable import DLTopMonitor

/// `Fixtures/optuna/study.db` was written by optuna 5.0.0 (`scripts/make_optuna_fixture.py`);
/// the expected values below are what that script printed from `study.trials`.
struct OptunaStudyReaderTests {
  static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/optuna/study.db").path

  @Test func readsEveryTrialWithItsStateAndValue() throws {
    #expect(OptunaStudyReader.isOptunaStudy(Self.path))
    let snapshot = try OptunaStudyReader.read(path: Self.path)
    #expect(snapshot.title.contains("dltop-fixture"))
    #expect(snapshot.trials.map(\.id) == Array(0...13))
    let expected: [TrialStatus] = [
      .done, .done, .done, .done, .done, .failed, .pruned, .done, .pruned, .pruned, .pruned,
      .pruned, .running, .queued,
    ]
    #expect(snapshot.trials.map(\.status) == expected)
    let values: [Int: Double] = [
      0: 1.6701843305113941, 1: 0.9028043679950142, 2: 0.7663331825442052, 3: 0.8266881797093738,
      4: 0.8484203963844824, 6: 1.9713180444326346, 7: 0.7675335415467681, 8: 1.8107491445201986,
      9: 1.3903805868969168, 10: 1.8668468874394697, 11: 2.058703862315926,
    ]
    for trial in snapshot.trials {
      if let value = values[trial.id] {
        #expect(trial.validationLoss == value, "trial \(trial.id)")
      } else if trial.id != 12 {
        #expect(trial.validationLoss == nil, "trial \(trial.id) has no value")
      }
    }
    // The running trial's only report: 1.23 at step 1.
    #expect(snapshot.trials[12].epochs.map(\.epoch) == [1])
    #expect(snapshot.trials[12].validationLoss == 1.23)
    #expect(snapshot.trials[0].epochs.count == 5 && snapshot.trials[6].epochs.count == 1)
    #expect(snapshot.best?.id == 2)
    #expect(snapshot.status == .running)
  }

  @Test func readsTheDistributionsAndParameters() throws {
    let snapshot = try OptunaStudyReader.read(path: Self.path)
    #expect(snapshot.space.parameters.map(\.name) == ["lr", "dropout", "batch"])
    #expect(snapshot.space.parameters[0].domain == .logUniform(1e-6...1e-2))
    #expect(snapshot.space.parameters[1].domain == .uniform(0...0.5))
    #expect(snapshot.space.parameters[2].domain == .choices(["32", "64", "128"]))
    let first = snapshot.trials[0]
    #expect(
      first.values == [
        .number(2.0194502448102317e-06), .number(0.3899593961200573), .choice("128"),
      ])
  }

  @Test func aFileThatIsNotAStudySaysSo() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "optuna-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("notes.db").path
    try "not a database".write(toFile: file, atomically: true, encoding: .utf8)
    #expect(!OptunaStudyReader.isOptunaStudy(file))
    #expect(throws: OptunaStudyReader.Failure.self) { try OptunaStudyReader.read(path: file) }
  }
}
