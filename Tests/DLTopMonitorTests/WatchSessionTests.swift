import Foundation
import Synchronization
import Testing

@testable import DLTopMonitor

/// Collects what a session's callbacks report, from the session's queue.
final class WatchRecorder: Sendable {
  let epochs = Mutex<[(run: String, record: EpochRecord)]>([])
  let issues = Mutex<[LogIssue]>([])

  func session(_ path: String, settleAfter: Double = 3600) -> WatchSession {
    var configuration = WatchSession.Configuration()
    configuration.settleAfter = settleAfter
    return WatchSession(
      path: path, link: WatchSession.makeLink(path: path), configuration: configuration,
      onNewEpoch: { run, record in self.epochs.withLock { $0.append((run, record)) } },
      onIssue: { issue in self.issues.withLock { $0.append(issue) } })
  }

  var epochNumbers: [Int] { epochs.withLock { $0.map(\.record.epoch) } }
}

struct WatchSessionTests {
  @Test func aLogAppendedInChunksAnnouncesEveryEpochExactlyOnce() {
    let folder = WatchTestFolder()
    let bytes = WatchFixtures.bytes("lightning_logs/version_0/metrics.csv")
    folder.write([], to: "run/metrics.csv")
    let recorder = WatchRecorder()
    let session = recorder.session(folder.path)
    for range in awkwardChunks(of: bytes.count) {
      folder.append(bytes[range], to: "run/metrics.csv")
      session.pollOnce()
    }
    session.pollOnce()
    #expect(recorder.epochNumbers == [0, 1, 2], "the last epoch waits until the run settles")
    session.settleAll()
    #expect(recorder.epochNumbers == [0, 1, 2, 3])
    let records = recorder.epochs.withLock { $0.map(\.record) }
    #expect(
      closeToDouble(
        records[3].validationLoss, WatchFixtures.value("lightning", epoch: 3, "val_loss")))
    #expect(recorder.issues.withLock { $0.isEmpty })
    let snapshot = session.link.latest()
    #expect(snapshot.epochs.count == 4)
    #expect(snapshot.batchLoss.count == 16)
  }

  @Test func anEventFileWrittenInChunksAnnouncesEveryEpochOnce() {
    let folder = WatchTestFolder()
    let file = WatchFixtures.string("tbx", "file") ?? ""
    let bytes = WatchFixtures.bytes(file)
    folder.write([], to: "events.out.tfevents.123.host")
    let recorder = WatchRecorder()
    let session = recorder.session(folder.path, settleAfter: 0)
    for range in awkwardChunks(of: bytes.count) {
      folder.append(bytes[range], to: "events.out.tfevents.123.host")
      session.pollOnce()
    }
    session.pollOnce()
    session.stop()
    #expect(recorder.epochNumbers == [0, 1, 2, 3, 4])
    let records = recorder.epochs.withLock { $0.map(\.record) }
    #expect(
      closeToFloat(records[3].validationLoss, WatchFixtures.value("tbx", epoch: 3, "val_loss")))
  }

  @Test func kerasTrainAndValidationHalvesMergeIntoOneRun() {
    let folder = WatchTestFolder()
    folder.copyFixture("keras_tb", to: "logs")
    let recorder = WatchRecorder()
    let session = recorder.session(folder.path + "/logs")
    session.pollOnce()
    let snapshot = session.link.latest()
    #expect(snapshot.status == .watching)
    #expect(snapshot.run.controllable == false)
    #expect(snapshot.run.format == "tensorboard")
    #expect(snapshot.epochs.map(\.epoch) == [0, 1, 2, 3, 4])
    for epoch in 0..<5 {
      for name in ["loss", "accuracy", "val_loss", "val_accuracy"] {
        #expect(
          closeToFloat(
            snapshot.epochs[epoch].metrics[name], WatchFixtures.value("keras", epoch: epoch, name)))
      }
    }
    #expect(closeToFloat(snapshot.learningRate, 0.01))
    #expect(snapshot.batchLoss.count > 0)
    #expect(recorder.epochNumbers == [0, 1, 2, 3], "epoch 4 is pending until the run settles")
  }

  @Test func threeRunsAreListedAndAFourthIsAddedLater() {
    let folder = WatchTestFolder()
    folder.copyFixture("keras_tb", to: "exp/keras")
    folder.copyFixture("lightning_logs/version_0", to: "exp/lightning_logs/version_0")
    folder.copyFixture(
      WatchFixtures.string("tbx", "file") ?? "", to: "exp/tbx/events.out.tfevents.1.host")
    let session = WatchRecorder().session(folder.path + "/exp")
    session.pollOnce()
    #expect(session.runNames == ["keras", "lightning_logs/version_0", "tbx"])
    #expect(session.link.latest().comparisonRuns.count == 2)
    folder.copyFixture("lightning_logs/version_1", to: "exp/lightning_logs/version_1")
    session.pollOnce()
    #expect(
      session.runNames == ["keras", "lightning_logs/version_0", "lightning_logs/version_1", "tbx"])
    let snapshot = session.link.latest()
    #expect(
      snapshot.comparisonRuns.map(\.name) == [
        "lightning_logs/version_0", "lightning_logs/version_1", "tbx",
      ])
    #expect(
      snapshot.comparisonRuns.first { $0.name == "lightning_logs/version_1" }?.epochs.count == 4)
  }

  @Test func selectingARunShowsItAndKeepsTheOthersForComparison() {
    let folder = WatchTestFolder()
    folder.copyFixture("lightning_logs", to: "lightning_logs")
    folder.copyFixture(
      WatchFixtures.string("tbx", "file") ?? "", to: "tbx/events.out.tfevents.1.host")
    let session = WatchRecorder().session(folder.path)
    session.pollOnce()
    #expect(session.link.latest().run.name == "lightning_logs/version_0")
    session.select(runIndex: 2)
    session.pollOnce()
    let snapshot = session.link.latest()
    #expect(session.selectedRunIndex == 2)
    #expect(snapshot.run.name == "tbx")
    #expect(snapshot.run.format == "tensorboard")
    #expect(snapshot.unmappedScalars == ["grad_norm"])
    #expect(
      snapshot.comparisonRuns.map(\.name) == [
        "lightning_logs/version_0", "lightning_logs/version_1",
      ])
    #expect(closeToFloat(snapshot.learningRate, 0.00625))
  }

  @Test func aCorruptRecordIsReportedAndTheRunGoesOn() {
    let folder = WatchTestFolder()
    folder.copyFixture("damaged/events.out.tfevents.corrupt", to: "run/events.out.tfevents.corrupt")
    let recorder = WatchRecorder()
    let session = recorder.session(folder.path)
    session.pollOnce()
    session.settleAll()
    let issues = recorder.issues.withLock { $0 }
    #expect(issues.map(\.offset) == [WatchFixtures.integer("damaged", "corrupt_offset")])
    #expect(recorder.epochNumbers == [0, 1, 2, 3, 4])
    #expect(
      session.link.latest().events.contains {
        $0.kind == .warning && $0.text.contains("bad data checksum")
      })
  }

  @Test func aTruncatedLogDropsItsOldRecords() {
    let folder = WatchTestFolder()
    folder.write(
      Array("epoch,loss,val_loss\n0,0.9,1.0\n1,0.8,0.9\n2,0.7,0.8\n".utf8), to: "log.csv")
    let session = WatchRecorder().session(folder.path)
    session.pollOnce()
    #expect(session.link.latest().epochs.count == 3)
    folder.write(Array("epoch,loss,val_loss\n0,0.5,0.6\n".utf8), to: "log.csv")
    session.pollOnce()
    let snapshot = session.link.latest()
    #expect(snapshot.epochs.map(\.loss) == [0.5])
    #expect(snapshot.events.contains { $0.text.contains("truncated") })
  }
}

struct WatchSessionLiveTests {
  /// Waits (bounded) until `condition` holds; the assertion is on content, never on time.
  private func eventually(_ condition: () -> Bool) -> Bool {
    for _ in 0..<200 {
      if condition() { return true }
      usleep(50_000)
    }
    return condition()
  }

  @Test func theTimerFollowsAFileAsItGrows() {
    let folder = WatchTestFolder()
    let bytes = WatchFixtures.bytes("keras_csv/training.csv")
    let half = bytes.firstIndex(of: 0x0A).map { $0 + 1 } ?? 0
    folder.write(Array(bytes[..<(half + 10)]), to: "training.csv")
    let recorder = WatchRecorder()
    var configuration = WatchSession.Configuration()
    configuration.pollInterval = 0.05
    configuration.settleAfter = 0.1
    let session = WatchSession(
      path: folder.path, link: WatchSession.makeLink(path: folder.path),
      configuration: configuration,
      onNewEpoch: { run, record in recorder.epochs.withLock { $0.append((run, record)) } })
    session.start()
    #expect(eventually { session.runNames == ["training.csv"] })
    session.pollOnce()  // a full round has read the half line
    #expect(session.link.latest().epochs.isEmpty, "a half-written line is not parsed")
    folder.append(bytes[(half + 10)...], to: "training.csv")
    #expect(eventually { recorder.epochNumbers.count == 5 })
    session.stop()
    #expect(recorder.epochNumbers == [0, 1, 2, 3, 4])
    #expect(
      closeToDouble(
        session.link.latest().epochs[3].validationLoss,
        WatchFixtures.value("keras", epoch: 3, "val_loss")))
  }
}

struct WatchSessionResetTests {
  @Test func aRestartedTrainingIsAnnouncedAgainButARewriteIsNot() {
    let folder = WatchTestFolder()
    let recorder = WatchRecorder()
    folder.write(
      Array("epoch,step,train_loss\n0,0,0.9\n0,1,0.8\n1,2,0.7\n".utf8), to: "v/metrics.csv")
    let session = recorder.session(folder.path)
    session.pollOnce()
    session.settleAll()
    #expect(recorder.epochNumbers == [0, 1])
    // Lightning widens the header in place: same values, nothing new to announce.
    folder.write(
      Array("epoch,step,train_loss,val_loss\n0,0,0.9,\n0,1,0.8,\n1,2,0.7,\n".utf8),
      to: "v/metrics.csv")
    session.pollOnce()
    session.settleAll()
    #expect(recorder.epochNumbers == [0, 1])
    // A new training truncates the log: its epochs are new history.
    folder.write(Array("epoch,step,train_loss\n0,0,2.5\n".utf8), to: "v/metrics.csv")
    session.pollOnce()
    session.settleAll()
    #expect(recorder.epochNumbers == [0, 1, 0])
    #expect(recorder.issues.withLock { $0.map(\.message) }.contains { $0.contains("truncated") })
    #expect(session.link.latest().epochs.map(\.loss) == [2.5])
  }
}

struct WatchSessionKerasLayoutTests {
  @Test func bothHalvesOfAKerasRunGrowingTogetherAnnounceCompleteEpochs() {
    let folder = WatchTestFolder()
    let train = WatchFixtures.bytes(WatchFixtures.eventFile(in: "keras_tb/train"))
    let validation = WatchFixtures.bytes(WatchFixtures.eventFile(in: "keras_tb/validation"))
    folder.write([], to: "logs/train/events.out.tfevents.1.host.v2")
    folder.write([], to: "logs/validation/events.out.tfevents.2.host.v2")
    let recorder = WatchRecorder()
    let session = recorder.session(folder.path)
    let trainChunks = awkwardChunks(of: train.count)
    let validationChunks = awkwardChunks(of: validation.count)
    for index in 0..<max(trainChunks.count, validationChunks.count) {
      if index < trainChunks.count {
        folder.append(train[trainChunks[index]], to: "logs/train/events.out.tfevents.1.host.v2")
      }
      if index < validationChunks.count {
        folder.append(
          validation[validationChunks[index]], to: "logs/validation/events.out.tfevents.2.host.v2")
      }
      session.pollOnce()
    }
    session.settleAll()
    #expect(session.runNames == ["logs"])
    #expect(recorder.epochNumbers == [0, 1, 2, 3, 4])
    let records = recorder.epochs.withLock { $0.map(\.record) }
    for record in records {
      #expect(closeToFloat(record.loss, WatchFixtures.value("keras", epoch: record.epoch, "loss")))
      #expect(
        closeToFloat(
          record.validationLoss, WatchFixtures.value("keras", epoch: record.epoch, "val_loss")))
    }
    #expect(recorder.issues.withLock { $0.isEmpty })
  }
}

extension WatchSessionKerasLayoutTests {
  @Test func aValidationFolderAppearingAfterTheFirstEpochIsWaitedFor() {
    let folder = WatchTestFolder()
    let train = WatchFixtures.bytes(WatchFixtures.eventFile(in: "keras_tb/train"))
    let validation = WatchFixtures.bytes(WatchFixtures.eventFile(in: "keras_tb/validation"))
    // Where epoch 0's `epoch_*` scalars have been written but epoch 1's have not.
    var reader = TFRecordReader()
    var ends: [Int] = []
    _ = reader.feed(train[...]) { record, offset in ends.append(offset + record.count + 16) }
    let cut =
      ends.first { end in
        var parser = TensorBoardParser(path: "train/e", context: .train)
        return !parser.feed(train[..<end]).isEmpty && !parser.pendingEpochs.isEmpty
      } ?? 0
    folder.write(Array(train[..<cut]), to: "logs/train/events.out.tfevents.1.host.v2")
    let recorder = WatchRecorder()
    var configuration = WatchSession.Configuration()
    configuration.settleAfter = 3600
    configuration.rescanInterval = 3600
    let session = WatchSession(
      path: folder.path, link: WatchSession.makeLink(path: folder.path),
      configuration: configuration,
      onNewEpoch: { run, record in recorder.epochs.withLock { $0.append((run, record)) } })
    session.pollOnce()
    folder.write(validation, to: "logs/validation/events.out.tfevents.2.host.v2")
    folder.append(train[cut...], to: "logs/train/events.out.tfevents.1.host.v2")
    session.pollOnce(rescan: false)
    session.pollOnce(rescan: false)
    #expect(cut > 0)
    #expect(recorder.epochNumbers == [0, 1, 2, 3])
    let records = recorder.epochs.withLock { $0.map(\.record) }
    #expect(records.allSatisfy { $0.validationLoss != nil && $0.loss != nil })
  }
}
