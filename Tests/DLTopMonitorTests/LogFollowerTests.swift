import Foundation
import Testing

@testable import DLTopMonitor

struct LogFollowerTests {
  @Test func appendedChunksYieldEveryRecordExactlyOnce() {
    let folder = WatchTestFolder()
    let file = WatchFixtures.string("tbx", "file") ?? ""
    let bytes = WatchFixtures.bytes(file)
    folder.write([], to: "events.out.tfevents.live")
    let follower = LogFollower(
      path: folder.path + "/events.out.tfevents.live", format: .tensorBoard)
    var items: [LogItem] = []
    for range in awkwardChunks(of: bytes.count) {
      folder.append(bytes[range], to: "events.out.tfevents.live")
      let poll = follower.poll()
      #expect(poll.reset == nil)
      #expect(poll.bytesRead == range.count)
      items += poll.items
    }
    items += follower.finish()
    let whole = WatchFixtures.parse(
      file, TensorBoardParser(path: folder.path + "/events.out.tfevents.live"))
    #expect(sameItems(items, whole))
    #expect(items.epochRecords.map(\.epoch) == [0, 1, 2, 3, 4])
  }

  @Test func aTruncatedFileIsReadAgainFromTheStart() {
    let folder = WatchTestFolder()
    let name = "metrics.csv"
    folder.write(Array("epoch,step,val_loss\n0,0,0.9\n1,1,0.8\n2,2,0.7\n".utf8), to: name)
    let follower = LogFollower(path: folder.path + "/" + name, format: .lightningCSV)
    #expect(follower.poll().items.epochRecords.map(\.epoch) == [0, 1])
    folder.write(Array("epoch,step,val_loss\n0,0,0.5\n".utf8), to: name)
    let poll = follower.poll()
    #expect(poll.reset == "the file was truncated")
    #expect(follower.finish().epochRecords.map(\.validationLoss) == [0.5])
  }

  @Test func aFileRewrittenWithAWiderHeaderIsReadAgain() {
    let folder = WatchTestFolder()
    let name = "metrics.csv"
    folder.write(Array("epoch,step,train_loss_step\n0,0,0.9\n".utf8), to: name)
    let follower = LogFollower(path: folder.path + "/" + name, format: .lightningCSV)
    _ = follower.poll()
    folder.write(
      Array("epoch,step,train_loss_step,val_loss\n0,0,0.9,\n0,0,,0.8\n1,1,0.7,\n".utf8), to: name)
    let poll = follower.poll()
    #expect(poll.reset == "the file was rewritten")
    #expect(poll.items.epochRecords.first?.validationLoss == 0.8)
  }

  @Test func aReplacedFileIsReadAgain() {
    let folder = WatchTestFolder()
    folder.write(Array("epoch,loss\n0,0.9\n1,0.8\n".utf8), to: "log.csv")
    let follower = LogFollower(path: folder.path + "/log.csv", format: .kerasCSV)
    #expect(follower.poll().items.epochRecords.count == 2)
    folder.replace("log.csv", with: Array("epoch,loss\n0,0.5\n1,0.4\n2,0.3\n".utf8))
    let poll = follower.poll()
    #expect(poll.reset == "the file was replaced")
    #expect(poll.items.epochRecords.map(\.loss) == [0.5, 0.4, 0.3])
  }

  @Test func aVanishedFileIsReportedOnceAndNotFatal() throws {
    let folder = WatchTestFolder()
    folder.write(Array("epoch,loss\n0,0.9\n".utf8), to: "log.csv")
    let follower = LogFollower(path: folder.path + "/log.csv", format: .kerasCSV)
    _ = follower.poll()
    try FileManager.default.removeItem(atPath: folder.path + "/log.csv")
    #expect(follower.poll().items.issues.count == 1)
    #expect(follower.poll().items.isEmpty)
  }
}
