import Foundation
import Testing

@testable import DLTopMonitor

/// Lightning's `hparams.yaml` as configuration pairs for the run-comparison table.
struct LightningHparamsTests {
  @Test func readsPyYAMLBlockStyleFlatteningMappingsAndJoiningLists() {
    let text = """
      batch_size: 16
      hidden: 8
      layers:
      - 4
      - 8
      - 2
      lr: 0.3
      name: 'tiny model'
      schedule:
        gamma: 0.5
        name: step
        warmup:
          steps: 10
      empty: {}
      """
    let pairs = LightningHparams.parse(text).map { "\($0.key)=\($0.value)" }
    #expect(
      pairs == [
        "batch_size=16", "hidden=8", "layers=[4, 8, 2]", "lr=0.3", "name=tiny model",
        "schedule.gamma=0.5", "schedule.name=step", "schedule.warmup.steps=10",
      ])
  }

  @Test func anEmptyOrUnreadableFileGivesNoPairs() {
    #expect(LightningHparams.parse("{}\n").isEmpty)
    #expect(LightningHparams.read(folder: "/nonexistent-folder").isEmpty)
  }
}

/// The real `hparams.yaml` Lightning wrote (`make_fixtures.py lightning_hparams`) reaches a
/// watched run's configuration, which the run-comparison table reads.
struct LightningHparamsFixtureTests {
  @Test func aWatchedLightningRunCarriesItsHyperParameters() throws {
    let folder = EcosystemFixtures.path("lightning_hparams")
    let expected = try #require(EcosystemFixtures.expected["lightning_hparams"]?["hparams"])
    let pairs = LightningHparams.read(
      folder: EcosystemFixtures.path("lightning_hparams/lightning_logs/version_0"))
    let values = Dictionary(pairs.map { ($0.key, $0.value) }, uniquingKeysWith: { $1 })
    #expect(values["lr"].flatMap(Double.init) == expected["lr"]?.doubleValue)
    #expect(values["hidden"].flatMap(Int.init) == expected["hidden"]?.intValue)
    #expect(values["optimizer"] == expected["optimizer"]?.stringValue)
    #expect(values["layers"] == "[4, 16, 2]")
    #expect(values["schedule.gamma"].flatMap(Double.init) == 0.5)
    #expect(values["schedule.name"] == "step")

    let session = WatchSession(path: folder, link: WatchSession.makeLink(path: folder))
    session.pollOnce()
    session.settleAll()
    let configuration = session.link.latest().run.configuration
    #expect(configuration.contains { $0.key == "lr" && $0.value == "0.05" })
    #expect(configuration.contains { $0.key == "schedule.name" && $0.value == "step" })
  }
}
