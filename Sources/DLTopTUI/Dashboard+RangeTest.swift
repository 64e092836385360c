import DLTopMonitor

/// The learning-rate range test in the training dashboard: `L` runs it while paused
/// (`dltop train --lr-find` runs it before the first batch), its curve is drawn over the charts,
/// and its question takes the next key: y uses the suggestion, n keeps the rate.
extension Dashboard {
  /// What `L` says while training runs.
  package static let rangeTestNeedsPause =
    "L runs the learning-rate range test while paused: press space first (or start with --lr-find)"

  func findLearningRate() -> [DashboardEffect] {
    if snapshot.rangeTest != nil {
      show(message: "the learning-rate range test is already running")
      return []
    }
    guard snapshot.status == .paused else {
      show(message: Self.rangeTestNeedsPause)
      return []
    }
    show(message: "learning-rate range test from the current weights…")
    return [.send(.findLearningRate)]
  }

  /// Keys while the test asks: y (or Enter) uses the suggestion, n (or Esc) keeps the rate;
  /// quit, help, redraw and suspend do their job; anything else repeats the question.
  func handleRangeTestAnswer(key: Key) -> [DashboardEffect] {
    guard let test = snapshot.rangeTest, let offered = test.offered else { return [] }
    switch key {
    case .char("y"), .char("Y"), .char("\r"), .char("\n"):
      show(message: "using η = " + NumberFormat.rate(offered.rate))
      return [.send(.answerRangeTest(accept: true))]
    case .char("n"), .char("N"), .escape:
      show(message: "keeping η = " + NumberFormat.rate(test.currentRate))
      return [.send(.answerRangeTest(accept: false))]
    default:
      if let action = Keymap.action(for: key),
        action == .quit || action == .redraw || action == .suspend
      {
        return handle(action)
      }
      show(message: RangeTestOverlay.question(test) ?? "")
      return []
    }
  }
}
