import Dispatch
import Foundation
import Synchronization
import Testing

@testable import DLTopMonitor

/// `StudyLink.waitForChange` wakes blocked trial workers when a trial publishes or a key sends a
/// command, so a paused search resumes at once and the pruning rule's wait for earlier trials
/// needs no polling loop.
struct StudyLinkWaitTests {
  private func link() -> StudyLink {
    StudyLink(
      SearchSnapshot(
        title: "t",
        space: SearchSpace([SearchParameter(name: "lr", domain: .logUniform(1e-4...1))]),
        totalRounds: 1, pruner: "median", parallelTrials: 2))
  }

  /// Test-side polling (the code under test does not poll).
  private func waitUntil(_ condition: () -> Bool) {
    let deadline = ContinuousClock.now + .seconds(10)
    while !condition() && ContinuousClock.now < deadline { Thread.sleep(forTimeInterval: 0.005) }
  }

  @Test func aPausedWorkerResumesWhenResumeIsSentLongBeforeItsTimeout() throws {
    let link = link()
    link.send(.pause)
    let resumed = DispatchSemaphore(value: 0)
    let wokeAt = Mutex<ContinuousClock.Instant?>(nil)
    Thread.detachNewThread {
      link.waitWhilePaused()
      wokeAt.withLock { $0 = ContinuousClock.now }
      resumed.signal()
    }
    // Own threads, not Dispatch's pool: under a parallel test run the pool may not start them.
    waitUntil { link.waiterCount == 1 }
    try #require(link.waiterCount == 1)
    let sentAt = ContinuousClock.now
    link.send(.resume)
    #expect(resumed.wait(timeout: .now() + 5) == .success)
    // The wait's own timeout is 1 s per round: waking on the command is what makes this short.
    #expect(try #require(wokeAt.withLock { $0 }) - sentAt < .seconds(0.9))
  }

  @Test func everyWaiterWakesOnOnePublish() throws {
    let link = link()
    let woken = DispatchSemaphore(value: 0)
    for _ in 0..<3 {
      Thread.detachNewThread {
        link.waitForChange(timeout: 30)
        woken.signal()
      }
    }
    waitUntil { link.waiterCount == 3 }
    try #require(link.waiterCount == 3)
    link.note("trial 1 finished an epoch")
    for _ in 0..<3 { #expect(woken.wait(timeout: .now() + 5) == .success) }
  }

  @Test func aWaitWithNothingToWakeItEndsAtItsTimeout() {
    let link = link()
    let started = ContinuousClock.now
    link.waitForChange(timeout: 0.05)
    #expect(ContinuousClock.now - started >= .seconds(0.05))
    // A later publish finds no stale waiter: a new wait still times out instead of returning.
    link.note("x")
    let again = ContinuousClock.now
    link.waitForChange(timeout: 0.05)
    #expect(ContinuousClock.now - again >= .seconds(0.05))
  }
}
