import Foundation
import Synchronization
import Testing

@testable import DLTopMonitor

struct HuggingFaceTrainerStateTests {
  private let expected = EcosystemFixtures.epochs(EcosystemFixtures.value("huggingface", "epochs"))

  @Test func everyEpochValueTheTrainerLoggedIsRead() throws {
    let log = try WatchRunReader.read(path: EcosystemFixtures.path("huggingface/out"))
    #expect(log.format == .huggingFace)
    #expect(expected.count == 3)
    #expect(mismatches(log, expected) == [])
  }

  @Test func theFinalWholeRunEntryIsNotAnEpoch() throws {
    let log = try WatchRunReader.read(path: EcosystemFixtures.path("huggingface/out"))
    #expect(log.epochs.map(\.epoch) == [1, 2, 3])
    let final = try #require(EcosystemFixtures.number("huggingface", "final_train_loss"))
    #expect(
      log.epochs.allSatisfy {
        $0.metrics["train_loss"] == nil && $0.metrics["train_runtime"] == nil
      })
    #expect(!log.epochs.contains { $0.loss == final })
  }

  @Test func fractionalEpochEntriesAreSteps() throws {
    let log = try WatchRunReader.read(path: EcosystemFixtures.path("huggingface/out"))
    guard case .array(let steps)? = EcosystemFixtures.value("huggingface", "steps") else {
      Issue.record("no steps in expected.json")
      return
    }
    #expect(log.steps.count == steps.count)
    #expect(log.steps.first?.step == steps.first?["step"]?.doubleValue.map { Int($0) })
    #expect(closeToDouble(log.steps.first?.metrics["loss"], steps.first?["loss"]?.doubleValue))
  }

  @Test func theNewestCheckpointIsChosenByNumberNotByText() throws {
    let folder = TemporaryDirectory()
    defer { folder.remove() }
    let out = folder.file("out")
    try FileManager.default.copyItem(atPath: EcosystemFixtures.path("huggingface/out"), toPath: out)
    try FileManager.default.removeItem(atPath: out + "/trainer_state.json")
    #expect(
      HuggingFaceTrainerStateSource.newestState(in: out) == out
        + "/checkpoint-18/trainer_state.json")
    let all = try WatchRunReader.read(path: out)
    #expect(mismatches(all, expected) == [])
    try FileManager.default.removeItem(atPath: out + "/checkpoint-18")
    let two = try WatchRunReader.read(path: out)
    #expect(two.epochs.map(\.epoch) == [1, 2])
  }

  @Test func aCheckpointFileNamesItsOutputFolderAsTheRun() {
    let runs = LogDiscovery.runs(
      at: EcosystemFixtures.path("huggingface/out/checkpoint-6/trainer_state.json"))
    #expect(runs.count == 1)
    #expect(runs.first?.root == EcosystemFixtures.path("huggingface/out"))
    let found = LogDiscovery.runs(at: EcosystemFixtures.path("huggingface"))
    #expect(found.map(\.name) == ["out"])
    #expect(found.first?.files.count == 1)
  }

  @Test func aFollowedOutputFolderGrowsCheckpointByCheckpoint() throws {
    let folder = TemporaryDirectory()
    defer { folder.remove() }
    let out = folder.file("out")
    try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
    let follower = LogFollower(file: LogDiscovery.File(path: out, format: .huggingFace))
    var epochs: [Int] = []
    for checkpoint in ["checkpoint-6", "checkpoint-12", "checkpoint-18"] {
      try FileManager.default.copyItem(
        atPath: EcosystemFixtures.path("huggingface/out/" + checkpoint),
        toPath: out + "/" + checkpoint)
      let poll = follower.poll()
      #expect(poll.reset == nil)
      epochs += poll.items.compactMap {
        if case .epoch(let record) = $0 { record.epoch } else { nil }
      }
    }
    epochs += follower.finish().compactMap {
      if case .epoch(let record) = $0 { record.epoch } else { nil }
    }
    #expect(epochs == [1, 2, 3])
  }
}

struct ParserEntryPointTests {
  @Test func inMemoryEntryPointsReadWhatTheFileReadersRead() throws {
    let state = try #require(
      FileManager.default.contents(
        atPath: EcosystemFixtures.path("huggingface/out/checkpoint-18/trainer_state.json")))
    let epochs = HuggingFaceTrainerStateSource.parse(state).compactMap {
      if case .epoch(let r) = $0 { r.epoch } else { nil }
    }
    #expect(epochs == [1, 2, 3])
    #expect(HuggingFaceTrainerStateSource.parse(Data("{".utf8)).count == 1)
    let csv = try #require(
      FileManager.default.contents(
        atPath: EcosystemFixtures.path(EcosystemFixtures.string("ultralytics", "file"))))
    #expect(UltralyticsCSVParser.parse(csv).count == 4)
    #expect((try? MirrorFrameParser.frames(in: Data("T\n".utf8)).get()) == [.tick])
  }
}

struct PolledWatchSessionTests {
  /// A watched Hugging Face output folder: each new checkpoint's epoch is announced once.
  @Test func aWatchSessionAnnouncesEachCheckpointsEpochOnce() throws {
    let folder = TemporaryDirectory()
    defer { folder.remove() }
    let out = folder.file("out")
    try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
    let announced = Mutex<[Int]>([])
    var configuration = WatchSession.Configuration()
    configuration.settleAfter = 0
    let session = WatchSession(
      path: folder.path, link: WatchSession.makeLink(path: folder.path),
      configuration: configuration,
      onNewEpoch: { _, record in announced.withLock { $0.append(record.epoch) } })
    for checkpoint in ["checkpoint-6", "checkpoint-12", "checkpoint-18"] {
      try FileManager.default.copyItem(
        atPath: EcosystemFixtures.path("huggingface/out/" + checkpoint),
        toPath: out + "/" + checkpoint)
      session.pollOnce()
      session.pollOnce()
    }
    session.settleAll()
    #expect(announced.withLock { $0 } == [1, 2, 3])
  }
}
