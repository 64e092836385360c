import Foundation
import Testing

@testable import DLTopMonitor

struct MLflowReaderTests {
  @Test func theFileStoreRunIsReadWithEveryLoggedValue() throws {
    let log = try WatchRunReader.read(path: EcosystemFixtures.path("mlflow/mlruns"))
    #expect(log.format == .mlflowFileStore)
    let expected = EcosystemFixtures.epochs(
      EcosystemFixtures.value("mlflow", "file_store", "epochs"))
    #expect(expected.count == 5)
    #expect(mismatches(log, expected) == [])
    #expect(log.epochs.last?.metrics["grad_norm"]?.isNaN == true)
    #expect(log.configuration.contains(RunDescription.KeyValue("optimizer", "sgd")))
  }

  @Test func theFileStoreRunFolderIsTheRun() {
    let runs = LogDiscovery.runs(at: EcosystemFixtures.path("mlflow"))
    let id = EcosystemFixtures.string("mlflow", "file_store", "run_id")
    #expect(
      runs.contains { $0.root.hasSuffix("/" + id) && $0.files.first?.format == .mlflowFileStore })
  }

  @Test func everyRunOfTheSQLiteStoreIsReadWithNaNFromIsNaN() throws {
    let runs = LogDiscovery.runs(at: EcosystemFixtures.path("mlflow/mlflow.db"))
    #expect(runs.count == 2)
    let expectedRuns = EcosystemFixtures.members(
      EcosystemFixtures.value("mlflow", "sqlite", "runs"))
    #expect(expectedRuns.count == 2)
    for (id, run) in expectedRuns {
      let found = try #require(runs.first { $0.files.first?.runKey == id })
      let log = WatchRunReader.read(found)
      #expect(log.format == .mlflowSQLite)
      #expect(mismatches(log, EcosystemFixtures.epochs(run["epochs"])) == [])
      if case .string(let name)? = run["name"] {
        #expect(log.configuration.contains(RunDescription.KeyValue("run_name", name)))
      }
    }
    let second = try #require(expectedRuns.first { $0.value["name"] == .string("second") })
    let log = WatchRunReader.read(try #require(runs.first { $0.files.first?.runKey == second.key }))
    #expect(log.epochs.last?.loss?.isNaN == true)
  }

  @Test func diagnosingADatabaseOfSeveralRunsNamesThem() {
    do {
      _ = try WatchRunReader.read(path: EcosystemFixtures.path("mlflow/mlflow.db"))
      Issue.record("two runs were read as one")
    } catch {
      #expect(error.message.contains("2 runs found"))
    }
  }

  @Test func aSecondPollReadsNoRowTwice() throws {
    let folder = TemporaryDirectory()
    defer { folder.remove() }
    let copy = folder.file("mlflow.db")
    try FileManager.default.copyItem(
      atPath: EcosystemFixtures.path("mlflow/mlflow.db"), toPath: copy)
    let file = try #require(ExternalRunFiles.databaseRuns(at: copy).first)
    var source = MLflowSQLiteSource(path: copy, runID: file.runKey ?? "")
    let first = source.poll()
    #expect(first.amountRead > 0)
    let again = source.poll()
    #expect(again.amountRead == 0)
    #expect(again.items.isEmpty)
  }
}

struct TrackioReaderTests {
  @Test func everyRunOfTheProjectDatabaseIsReadWithEveryLoggedValue() throws {
    let path = EcosystemFixtures.path(EcosystemFixtures.string("trackio", "file"))
    let runs = LogDiscovery.runs(at: path)
    let expectedRuns = EcosystemFixtures.members(EcosystemFixtures.value("trackio", "runs"))
    #expect(runs.count == 2)
    #expect(expectedRuns.count == 2)
    for (name, run) in expectedRuns {
      let found = try #require(runs.first { $0.files.first?.runKey == name })
      let log = WatchRunReader.read(found)
      #expect(log.format == .trackio)
      #expect(mismatches(log, EcosystemFixtures.epochs(run["epochs"])) == [])
    }
    let beta = WatchRunReader.read(try #require(runs.first { $0.files.first?.runKey == "beta" }))
    #expect(beta.epochs.first { $0.epoch == 2 }?.validationLoss?.isNaN == true)
  }

  @Test func aProjectFolderListsEveryRun() {
    let names = LogDiscovery.runs(at: EcosystemFixtures.path("trackio")).map(\.name)
    #expect(names.count == 2)
    #expect(names.allSatisfy { $0.hasPrefix("tiny.db#") })
  }
}
