import Foundation
import Testing

@testable import DLTopMonitor

struct WandbReaderTests {
  private let expected = EcosystemFixtures.epochs(EcosystemFixtures.value("wandb", "epochs"))
  private var file: String { EcosystemFixtures.path(EcosystemFixtures.string("wandb", "file")) }

  private func bytes(_ path: String) -> [UInt8] {
    FileManager.default.contents(atPath: path).map { [UInt8]($0) } ?? []
  }

  private func read(_ bytes: ArraySlice<UInt8>) -> ParsedLog {
    var parser = WandbParser(path: "run.wandb")
    var log = ParsedLog(path: "run.wandb", format: .wandb)
    log.append(parser.feed(bytes))
    log.append(parser.finish())
    return log
  }

  @Test func everyEpochValueTheRunLoggedIsRead() throws {
    let log = try WatchRunReader.read(path: file)
    #expect(log.format == .wandb)
    #expect(expected.count == 6)
    #expect(mismatches(log, expected) == [])
    #expect(log.issues == [])
    #expect(log.configuration.contains { $0.key == "optimizer" })
  }

  @Test func perBatchRowsAreStepsAcrossManyBlocks() throws {
    let log = read(bytes(file)[...])
    #expect((EcosystemFixtures.number("wandb", "blocks") ?? 0) > 3)
    #expect(Double(log.steps.count) == EcosystemFixtures.number("wandb", "step_rows"))
    #expect(
      closeToDouble(
        log.steps.first?.metrics["loss"], EcosystemFixtures.number("wandb", "first_step_loss")))
    #expect(log.steps.first?.step == 0)
  }

  @Test func bytesArrivingInSmallPiecesGiveTheSameRecords() {
    let all = bytes(file)
    var parser = WandbParser(path: "run.wandb")
    var log = ParsedLog(path: "run.wandb", format: .wandb)
    var start = 0
    var size = 1
    while start < all.count {
      let end = min(all.count, start + size)
      log.append(parser.feed(all[start..<end]))
      start = end
      size = size * 3 % 4099 + 1
    }
    log.append(parser.finish())
    #expect(log == read(all[...]))
  }

  @Test func theRunFolderIsFoundAsOneRun() {
    let runs = LogDiscovery.runs(at: EcosystemFixtures.path("wandb"))
    #expect(runs.count == 1)
    #expect(runs.first?.name.hasPrefix("wandb/offline-run-") == true)
  }

  /// A damaged copy keeps every record the intact file has before the damaged fragment, and says where.
  @Test(arguments: ["truncated", "flipped"])
  func aDamagedCopyKeepsEveryRecordBeforeTheDamage(_ kind: String) throws {
    let damagedPath = EcosystemFixtures.path(EcosystemFixtures.string("wandb", kind, "file"))
    let offset = try #require(EcosystemFixtures.number("wandb", kind, "offset").map { Int($0) })
    let damaged = read(bytes(damagedPath)[...])
    let before = read(bytes(file)[..<offset])
    #expect(before.epochs.count >= 2)
    #expect(Array(damaged.epochs.prefix(before.epochs.count)) == before.epochs)
    #expect(Array(damaged.steps.prefix(before.steps.count)) == before.steps)
    #expect(damaged.issues.contains { $0.offset == offset })
    #expect(damaged.epochs.count < expected.count || kind == "flipped")
  }

  @Test func aFileThatIsNotAWandbRunSaysSo() {
    let items = WandbParser.parse(Data("hello, this is not a run file".utf8))
    #expect(items.contains { if case .issue(let issue) = $0 { issue.offset == 0 } else { false } })
  }
}
