import Foundation
import Testing

@testable import DLTopMonitor

/// A followed log that stops growing: the snapshot says for how long, and it is republished
/// without any new byte; a new byte clears it.
struct WatchQuietTests {
  @Test func aQuietLogIsReportedAndANewLineClearsIt() throws {
    let folder = WatchTestFolder()
    let bytes = WatchFixtures.bytes("lightning_logs/version_0/metrics.csv")
    folder.write(Array(bytes), to: "run/metrics.csv")
    var configuration = WatchSession.Configuration()
    configuration.quietAfter = 0.3
    let session = WatchSession(
      path: folder.path, link: WatchSession.makeLink(path: folder.path),
      configuration: configuration)
    session.pollOnce()
    #expect(session.link.latest().progress.quietSeconds == nil)
    let generation = session.link.latest().generation
    Thread.sleep(forTimeInterval: 0.4)
    session.pollOnce()
    let quiet = session.link.latest()
    #expect(quiet.progress.quietSeconds == 0, "quiet for 0.4 s: the first 30 s step")
    #expect(quiet.generation > generation, "republished with no new byte")
    folder.append(Array("\n".utf8)[...], to: "run/metrics.csv")
    session.pollOnce()
    #expect(session.link.latest().progress.quietSeconds == nil)
  }
}

/// A large log read over several polls: the run says how far it got until the backlog is read.
struct WatchLoadingTests {
  @Test func aBacklogReadOverSeveralPollsReportsItsProgressUntilDone() throws {
    let folder = WatchTestFolder()
    let bytes = Array(WatchFixtures.bytes("lightning_logs/version_0/metrics.csv"))
    folder.write(bytes, to: "run/metrics.csv")
    let found = try #require(LogDiscovery.runs(at: folder.path).first)
    let run = WatchRun(found, now: .now, options: RunRecorder.Options())
    let state = try #require(run.files.first)
    state.follower.firstPollBytes = 100
    state.follower.maximumBytesPerPoll = 100
    #expect(run.loading == nil, "nothing known before the first poll")
    _ = state.follower.poll { _ in }
    let first = try #require(run.loading)
    #expect(first == LoadingProgress(file: "metrics.csv", bytesRead: 100, totalBytes: bytes.count))
    for _ in 0..<(bytes.count / 100 + 1) { _ = state.follower.poll { _ in } }
    #expect(run.loading == nil)
    #expect(state.follower.offset == UInt64(bytes.count))
  }
}
