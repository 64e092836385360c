import Testing

@testable import DLTopMonitor

struct LogDiscoveryTests {
  @Test func eachLayoutIsFoundAsOneRun() {
    let folder = WatchTestFolder()
    folder.copyFixture("keras_tb", to: "exp/keras_tb")
    folder.copyFixture("lightning_logs/version_0", to: "exp/lightning_logs/version_0")
    folder.copyFixture("keras_csv/training.csv", to: "exp/training.csv")
    let runs = LogDiscovery.runs(at: folder.path + "/exp")
    #expect(runs.map(\.name) == ["keras_tb", "lightning_logs/version_0", "training.csv"])
    let keras = runs[0]
    #expect(keras.files.count == 2)
    #expect(keras.files.map(\.context) == [.train, .validation])
    #expect(runs[1].files.map(\.format) == [.lightningCSV])
    #expect(runs[2].files.map(\.format) == [.kerasCSV])
  }

  @Test func aSingleFileIsOneRun() {
    let path = WatchFixtures.path("lightning_logs/version_1/metrics.csv")
    let runs = LogDiscovery.runs(at: path)
    #expect(runs.count == 1)
    #expect(runs.first?.files.first?.format == .lightningCSV)
  }

  @Test func filesThatAreNotLogsAreIgnored() {
    let folder = WatchTestFolder()
    folder.write(Array("just some notes\n".utf8), to: "notes.csv")
    folder.write(Array("x".utf8), to: "model.bin")
    folder.write([], to: "metrics.csv")
    folder.write([1, 2, 3], to: "profile/train/events.out.tfevents.1.host.profile-empty")
    folder.write(Array("x,y,label\n1,2,0\n".utf8), to: "data/train.csv")
    folder.write(Array("epoch,loss\n0,1\n".utf8), to: "snapshot-20261122-0600-epoch1/metrics.csv")
    #expect(LogDiscovery.runs(at: folder.path).isEmpty)
    folder.write(Array("epoch,loss\n0,1\n".utf8), to: "keras/log.csv")
    #expect(LogDiscovery.runs(at: folder.path).map(\.name) == ["keras/log.csv"])
  }
}
