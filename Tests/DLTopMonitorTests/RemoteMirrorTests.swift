import Foundation
import Testing

@testable import DLTopMonitor

struct RemotePathTests {
  @Test func hostAndPathAreSplitAtTheFirstColon() {
    #expect(RemotePath("gpu1:runs/exp").map { [$0.destination, $0.path] } == ["gpu1", "runs/exp"])
    #expect(
      RemotePath("me@gpu1:/data/run:2").map { [$0.destination, $0.path] } == [
        "me@gpu1", "/data/run:2",
      ])
    #expect(RemotePath("gpu1:").map { [$0.destination, $0.path] } == ["gpu1", ""])
  }

  @Test func localPathsAreNotRemote() {
    #expect(RemotePath("runs/exp") == nil)
    #expect(RemotePath("./a:b") == nil)
    #expect(RemotePath(":x") == nil)
    #expect(RemotePath("@host:x") == nil)
  }

  @Test func theSSHCommandComesFromTheEnvironment() {
    #expect(RemoteMirror.sshCommand(environment: [:]) == ["ssh"])
    #expect(
      RemoteMirror.sshCommand(environment: ["DLTOP_SSH_COMMAND": "ssh -F cfg"]) == [
        "ssh", "-F", "cfg",
      ])
  }
}

struct MirrorFrameParserTests {
  private let stream = Array(
    "R d /r\nA 0 5 1.5 /r/a b.csv\nhelloW 0 3 2.0 /r/x.db\nx\nzT\nX gone\n".utf8)
  private let expected: [MirrorFrameParser.Frame] = [
    .root("d /r"),
    .data(path: "/r/a b.csv", offset: 0, modified: "1.5", whole: false, bytes: Array("hello".utf8)),
    .data(path: "/r/x.db", offset: 0, modified: "2.0", whole: true, bytes: Array("x\nz".utf8)),
    .tick, .failure("gone"),
  ]

  @Test func framesAreSplitWhateverThePiecesTheBytesArriveIn() throws {
    for size in [1, 2, 3, 5, 7, stream.count] {
      var parser = MirrorFrameParser()
      var frames: [MirrorFrameParser.Frame] = []
      var index = 0
      while index < stream.count {
        frames += try parser.feed(stream[index..<min(stream.count, index + size)])
        index += size
      }
      #expect(frames == expected, "pieces of \(size) bytes")
    }
  }

  @Test func aConnectionEndingMidFrameLeavesTheFrameUnapplied() throws {
    var parser = MirrorFrameParser()
    let frames = try parser.feed(Array("A 10 6 1.0 /r/log\nabc".utf8))
    #expect(frames.isEmpty)
  }

  @Test func aLineThatIsNoFrameIsAnError() {
    var parser = MirrorFrameParser()
    #expect(throws: MirrorFrameParser.Malformed.self) { try parser.feed(Array("hello\n".utf8)) }
  }
}
