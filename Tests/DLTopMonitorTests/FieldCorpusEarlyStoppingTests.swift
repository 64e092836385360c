import Foundation
import Testing

@testable import DLTopMonitor

/// Early stopping stays exactly Keras's `EarlyStopping(monitor="val_loss", min_delta=0, patience=N)`
/// with `TerminateOnNaN`, on every run of the field corpus (patience 20 and 5): where the real
/// callbacks stopped and which epoch they kept (Fixtures/field-corpus/early-stopping.json, written
/// by scripts/corpus/keras_early_stopping.py) is where dltop's policy stops and what it keeps.
struct FieldCorpusEarlyStoppingTests {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures")

  struct Case: CustomStringConvertible, Sendable {
    var file: String
    var patience: Int
    var stopIndex: Int?
    var bestIndex: Int
    var description: String { "\(file) patience \(patience)" }
  }

  static func cases() throws -> [Case] {
    let text = String(
      decoding: try Data(
        contentsOf: fixtures.appendingPathComponent("field-corpus/early-stopping.json")),
      as: UTF8.self)
    guard case .object(let runs) = try JSONValue.parse(text)["cases"] else { return [] }
    return runs.flatMap { run -> [Case] in
      guard case .object(let byPatience) = run.value["patience"] else { return [] }
      return byPatience.compactMap { patience, result in
        guard let patience = Int(patience), let best = result["best_index"]?.intValue else {
          return nil
        }
        return Case(
          file: run.key, patience: patience, stopIndex: result["stop_index"]?.intValue,
          bestIndex: best)
      }
    }
  }

  @Test func everyFieldRunHasAKerasReference() throws {
    let corpus = try DiagnosisCorpus(fixtures: Self.fixtures)
    let files = Set(try Self.cases().map(\.file))
    #expect(
      corpus.runs.filter { $0.file.hasPrefix("field-corpus/") }.allSatisfy {
        files.contains($0.file)
      })
    #expect(try Self.cases().contains { $0.stopIndex != nil })
  }

  @Test(arguments: try cases())
  func stopsAndKeepsWhereKerasDoes(_ reference: Case) throws {
    let log = try LogFileReader.read(
      path: Self.fixtures.appendingPathComponent(reference.file).path)
    var options = EarlyStopping.Options()
    options.monitor = MetricName.validationLoss.rawValue
    options.patience = reference.patience
    let policy = EarlyStopping.replay(log.epochs, options: options)
    let stopIndex = policy.stoppedEpoch.flatMap { epoch in
      log.epochs.firstIndex { $0.epoch == epoch }
    }
    // One documented difference: a NaN val_loss with a finite train loss means the weights are
    // already non-finite; Keras's TerminateOnNaN stops at the next epoch's first batch (not in the
    // log), dltop at that epoch.
    let nanValidation = log.epochs.firstIndex { $0.validationLoss.map { !$0.isFinite } ?? false }
    #expect(stopIndex == reference.stopIndex ?? nanValidation)
    if reference.stopIndex != nil || policy.bestEpoch != nil {
      let bestIndex = policy.bestEpoch.flatMap { epoch in
        log.epochs.firstIndex { $0.epoch == epoch }
      }
      #expect(bestIndex ?? 0 == reference.bestIndex)
    }
  }
}
