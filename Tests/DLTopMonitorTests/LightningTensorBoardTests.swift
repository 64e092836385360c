import Testing

@testable import DLTopMonitor

/// Lightning's `TensorBoardLogger` puts the global step on the x axis and logs `epoch` as a scalar;
/// per-step (`train_loss_step`) and per-epoch tags share the file.
struct LightningTensorBoardTests {
  @Test func aTenEpochRunIsReadAsTenEpochsWithTheValuesLightningLogged() throws {
    let folder = EcosystemFixtures.string("lightning_tb", "folder")
    let log = try WatchRunReader.read(path: EcosystemFixtures.path(folder))
    let expected = EcosystemFixtures.epochs(EcosystemFixtures.value("lightning_tb", "epochs"))
    #expect(expected.count == 10)
    #expect(log.epochs.map(\.epoch) == Array(0..<10))
    #expect(mismatches(log, expected, close: closeToFloat) == [])
    #expect(log.steps.count > 10)
  }
}
