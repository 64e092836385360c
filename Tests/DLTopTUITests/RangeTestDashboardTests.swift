import DLTopMonitor
import Foundation
import Testing

@testable import DLTopTUI

/// The learning-rate range test in the training dashboard: `L` while paused, the curve over the
/// charts, and the y/n question.
@MainActor
struct RangeTestDashboardTests {
  /// A finished range test on a made-up curve (falls, then blows up), asking.
  static func askingTest() -> RangeTestState {
    var test = RangeTestState(iterations: 200, currentRate: 1e-3)
    test.rates = (0..<120).map { 1e-7 * pow(1e8, Double($0) / 200) }
    test.losses = (0..<120).map { i -> Double in
      let x = Double(i)
      return 2.3 - 1.8 / (1 + exp((70 - x) / 8)) + (i > 100 ? (x - 100) * 0.2 : 0)
    }
    test.phase = .asking
    test.stopReason = "diverged"
    test.suggestions = [
      .init(method: "valley", rate: 6.92e-4), .init(method: "steep", rate: 2.1e-3),
    ]
    return test
  }

  func dashboard(_ configure: (inout TrainingSnapshot) -> Void = { _ in }) -> Dashboard {
    var snapshot = SampleRun.snapshot()
    configure(&snapshot)
    return Dashboard(snapshot: snapshot, clock: { 0 })
  }

  @Test func lWhileTrainingRunsAsksToPauseFirstAndSendsNothing() {
    let d = dashboard()
    #expect(d.handle(key: .char("L")).isEmpty)
    #expect(d.state.message == Dashboard.rangeTestNeedsPause)
  }

  @Test func lWhilePausedRunsTheTest() {
    let d = dashboard { $0.status = .paused }
    #expect(d.handle(key: .char("L")) == [.send(.findLearningRate)])
  }

  @Test func lIsOffForAWatchedRun() {
    let d = dashboard {
      $0.status = .paused
      $0.run.controllable = false
    }
    #expect(d.handle(key: .char("L")).isEmpty)
    #expect(d.state.message?.contains("watching an external run") == true)
  }

  @Test func theFooterOffersLOnlyWhilePaused() {
    func footer(_ status: RunStatus) -> String {
      var snapshot = SampleRun.snapshot()
      snapshot.status = status
      let d = Dashboard(snapshot: snapshot, theme: .noColors, clock: { 0 })
      return d.render(snapshot: snapshot, size: (120, 40)).lines.last ?? ""
    }
    #expect(footer(.paused).contains("space pause L lr-find ] lr×2"))
    #expect(!footer(.running).contains("lr-find"))
  }

  @Test func yUsesTheSuggestionAndNKeepsTheRate() {
    let yes = dashboard { $0.rangeTest = Self.askingTest() }
    #expect(yes.handle(key: .char("y")) == [.send(.answerRangeTest(accept: true))])
    #expect(yes.state.message == "using η = 6.9e-4")
    let enter = dashboard { $0.rangeTest = Self.askingTest() }
    #expect(enter.handle(key: .char("\r")) == [.send(.answerRangeTest(accept: true))])
    let no = dashboard { $0.rangeTest = Self.askingTest() }
    #expect(no.handle(key: .char("n")) == [.send(.answerRangeTest(accept: false))])
    #expect(no.state.message == "keeping η = 1e-3")
  }

  @Test func otherKeysRepeatTheQuestionButQuitStillAsks() {
    let d = dashboard { $0.rangeTest = Self.askingTest() }
    #expect(d.handle(key: .char("]")).isEmpty)
    #expect(d.state.message == "use η = 6.9e-4 (valley)?  y use it · n keep η = 1e-3")
    #expect(d.handle(key: .char("q")).isEmpty)
    #expect(d.state.quitPending)
    #expect(d.handle(key: .char("q")) == [.quit])
  }

  @Test func keysWorkAsUsualWhileTheTestRuns() {
    var running = Self.askingTest()
    running.phase = .running
    let d = dashboard { $0.rangeTest = running }
    #expect(d.handle(key: .char("y")).isEmpty)
    #expect(d.handle(key: .char("L")).isEmpty)
    #expect(d.state.message == "the learning-rate range test is already running")
  }

  @Test func rangeTestAskingAt100x30() {
    var snapshot = SampleRun.snapshot()
    snapshot.status = .starting
    snapshot.rangeTest = Self.askingTest()
    let d = Dashboard(snapshot: snapshot, theme: .noColors, clock: { 0 })
    assertSnapshot(d.render(snapshot: snapshot, size: (100, 30)).lines)
  }

  @Test func rangeTestRunningAt80x24() {
    var snapshot = SampleRun.snapshot()
    snapshot.status = .starting
    var test = Self.askingTest()
    test.phase = .running
    test.rates = Array(test.rates.prefix(60))
    test.losses = Array(test.losses.prefix(60))
    snapshot.rangeTest = test
    let d = Dashboard(snapshot: snapshot, theme: .noColors, clock: { 0 })
    let lines = d.render(snapshot: snapshot, size: (80, 24)).lines
    assertSnapshot(lines)
    #expect(lines.contains { $0.contains("learning-rate range test · batch 60 of 200") })
  }
}
