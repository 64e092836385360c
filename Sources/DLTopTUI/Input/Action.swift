/// What a key asks the dashboard to do.
package enum Action: Sendable, Hashable {
  case togglePause
  /// Multiply the learning rate by `Keymap.learningRateFactor`.
  case raiseLearningRate
  /// Divide the learning rate by `Keymap.learningRateFactor`.
  case lowerLearningRate
  /// Run the learning-rate range test from the paused weights and offer its suggestion.
  case findLearningRate
  /// Make panel 1…5 fill the screen.
  case zoom(Int)
  case unzoom
  case toggleLogScale
  case toggleSmoothing
  /// The next smoothing weight (turns smoothing on).
  case cycleSmoothingWeight
  /// Put the charts' x axis on the next of epoch, step, wall time.
  case cycleXAxis
  case toggleConfusionValues
  case toggleEarlyStopping
  case snapshot
  case toggleHelp
  /// Open or close the run picker (overlay other runs, switch the main run).
  case toggleRunPicker
  /// Show the next metric in panel 2: the main metric, then each unmapped scalar.
  case cycleMetric
  /// Open or close the test-results view.
  case toggleTestResults
  /// Open or close the run-comparison table.
  case toggleRunComparison
  case quit
  case redraw
  case suspend
  /// Arrow keys: scroll history when zoomed; left/right also step through confusion matrices.
  case scrollLeft, scrollRight, scrollUp, scrollDown
  /// The terminal changed size.
  case resize

  /// Whether the action steers training (and so is off for runs dltop does not control).
  package var controlsTraining: Bool {
    switch self {
    case .togglePause, .raiseLearningRate, .lowerLearningRate, .toggleEarlyStopping,
      .findLearningRate:
      true
    default: false
    }
  }
}
