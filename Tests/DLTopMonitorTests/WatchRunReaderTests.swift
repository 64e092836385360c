import Testing

@testable import DLTopMonitor

struct WatchRunReaderTests {
  @Test func aKerasTensorBoardFolderIsReadAsOneMergedRun() throws {
    let log = try WatchRunReader.read(path: WatchFixtures.path("keras_tb"))
    #expect(log.format == .tensorBoard)
    #expect(log.epochs.map(\.epoch) == [0, 1, 2, 3, 4])
    #expect(closeToFloat(log.epochs[2].loss, WatchFixtures.value("keras", epoch: 2, "loss")))
    #expect(
      closeToFloat(log.epochs[2].validationLoss, WatchFixtures.value("keras", epoch: 2, "val_loss"))
    )
  }

  @Test func aLightningFileIsRead() throws {
    let log = try WatchRunReader.read(
      path: WatchFixtures.path("lightning_logs/version_1/metrics.csv"))
    #expect(log.format == .lightningCSV)
    #expect(log.epochs.count == 4)
    #expect(log.steps.count == 20)
  }

  @Test func aFolderWithSeveralRunsNamesThem() {
    #expect(throws: LogFileReader.ReadError.self) {
      try WatchRunReader.read(path: WatchFixtures.path("lightning_logs"))
    }
    do {
      _ = try WatchRunReader.read(path: WatchFixtures.path("lightning_logs"))
    } catch {
      #expect(error.message.contains("version_0, version_1"))
    }
    #expect(WatchRunReader.readRuns(at: WatchFixtures.path("lightning_logs")).count == 2)
  }
}
