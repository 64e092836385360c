import DLTopMonitor
import Testing

@testable import DLTopTUI

@MainActor
struct DashboardAppTests {
  func link() -> EngineLink {
    EngineLink(snapshot: SampleRun.snapshot())
  }

  @Test func runDrawsThenQuitsAfterConfirmationAndStopsTraining() {
    let link = link()
    var commands: [EngineCommand] = []
    let app = DashboardApp(
      link: link, onCommand: { commands.append($0) }, onSnapshotRequest: { _, _ in "" })
    let backend = MemoryBackend(width: 80, height: 24)
    backend.pendingKeys = [nil, .char(" "), .char("q"), .char("y")]
    #expect(app.run(on: backend) == .userQuit)
    #expect(commands == [.pause, .stop(reason: "quit from the dashboard")])
    #expect(backend.inputTimeouts == [5])  // polls fast after a command
    #expect(backend.isShutDown)
    #expect(backend.screen.lines[0].hasPrefix("RUNNING"))
  }

  @Test func unchangedFramesAreNotRedrawnAndChangedCellsOnlyAreWritten() {
    let link = link()
    let app = DashboardApp(link: link, onSnapshotRequest: { _, _ in "" })
    let backend = MemoryBackend(width: 80, height: 24)
    var polls = 0
    backend.whenIdle = {
      polls += 1
      if polls == 5 {
        var next = link.latest()
        next.progress.batch += 1
        link.show(next)
      }
      return polls >= 8 ? .char("q") : nil
    }
    backend.pendingKeys = []
    _ = app.run(on: backend)
    #expect(app.framesDrawn == 3)  // first frame, the publish, the quit question
    #expect(backend.lastWriteCount < 200)
  }

  @Test func snapshotKeyCallsBackWithTheScreenTextAndShowsTheAnswer() {
    let link = link()
    var seen = ""
    let app = DashboardApp(
      link: link,
      onSnapshotRequest: { text, snapshot in
        seen = text
        return "snapshot written to runs/snap-2 (epoch \(snapshot.progress.epoch))"
      })
    let backend = MemoryBackend(width: 80, height: 24)
    backend.pendingKeys = [nil, .char("s"), nil]
    var done = false
    backend.whenIdle = {
      defer { done = true }
      return done ? .char("q") : nil
    }
    var finished = link.latest()
    finished.status = .finished(reason: "done")
    link.show(finished)
    _ = app.run(on: backend)
    #expect(seen.hasPrefix("FINISHED"))
    #expect(backend.screen.lines[23].hasPrefix("snapshot written to runs/snap-2 (epoch 19)"))
  }

  @Test func shouldExitEndsTheLoop() {
    var turns = 0
    let app = DashboardApp(
      link: link(), onSnapshotRequest: { _, _ in "" },
      shouldExit: {
        turns += 1
        return turns > 3
      })
    let backend = MemoryBackend(width: 60, height: 20)
    #expect(app.run(on: backend) == .interrupted)
    #expect(backend.isShutDown)
  }

  @Test func resizeRelayoutsToTheNewSize() {
    let app = DashboardApp(link: link(), onSnapshotRequest: { _, _ in "" })
    let backend = MemoryBackend(width: 120, height: 40)
    var step = 0
    // Unowned: the backend keeps this closure, so a strong capture would be a cycle (a leak).
    backend.whenIdle = { [unowned backend] in
      step += 1
      if step == 2 {
        backend.size = (20, 6)
        return .resize
      }
      return step > 3 ? .char("q") : nil
    }
    _ = app.run(on: backend)
    #expect(backend.screen.width == 20)
    #expect(backend.screen.screenText.contains("too small"))
  }
}
