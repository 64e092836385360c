import DLTopEngine
import DLTopMonitor

/// The learning-rate range test inside a training run: before the first batch
/// (`dltop train --lr-find`) or while paused (key `L`).
///
/// The test trains a trainer of its own, made from the run's flags and given the run's current
/// weights (before the first batch: the same seed gives the same initial weights), so the run's
/// weights and optimizer state are never touched and training goes on from exactly where it was.
/// The curve is drawn through the run's recorder as it grows; then the dashboard asks whether to
/// use the suggestion (y/n). Headless, the suggestion is taken.
///
/// Lives on the training queue.
struct RangeTestPhase: Sendable {
  /// The ramp `dltop lr-find` runs by default: 200 batches from 1e-7 to 10.
  static let standardTest = LearningRateRangeTest(startRate: 1e-7, endRate: 10, iterations: 200)

  var test = Self.standardTest
  var method = LearningRateRangeResult.Method.valley
  /// Whether to wait for the dashboard's answer; false takes the suggestion (headless).
  var asks: Bool

  /// What the test found and what the user answered.
  struct Outcome: Sendable {
    var result: LearningRateRangeResult
    var method: LearningRateRangeResult.Method
    /// The suggestion as a flag value would give it (three significant digits), or nil when the
    /// curve was too short.
    var suggested: Double?
    var accepted: Bool
    /// The rate the run had before the test (kept when the suggestion is declined).
    var previousRate: Double
    /// Commands that arrived meanwhile and are not the test's (pause, early stopping…), oldest
    /// first, for the training loop to apply.
    var deferred: [EngineCommand] = []
    /// A stop request that arrived meanwhile (the user quit).
    var stop: String?

    /// The rate the run trains with after the test.
    var rate: Double { accepted ? suggested ?? previousRate : previousRate }

    /// The event lines: what the test ran and found, then what the run does with it.
    var eventLines: [String] {
      let ran =
        result.stopReason == .completed
        ? "all \(result.iterations) batches"
        : "\(result.rates.count) of \(result.iterations) batches (\(result.stopReason.rawValue))"
      let found = result.suggestions(preferring: method).map {
        "\($0.method.rawValue) \(TrainCommandLine.number($0.rate))"
      }
      var lines = [
        "lr-find: η \(TrainCommandLine.number(result.rates.first ?? 0)) → "
          + "\(TrainCommandLine.number(result.rates.last ?? 0)), \(ran)"
          + (found.isEmpty ? "" : "; " + found.joined(separator: ", "))
      ]
      let kept = TrainCommandLine.number(previousRate)
      if let suggested, stop == nil {
        let offer = "η = \(TrainCommandLine.number(suggested)) (\(method.rawValue))"
        lines.append(
          accepted
            ? "lr-find: training with the suggestion \(offer)"
            : "lr-find: suggestion \(offer) declined; keeping η = \(kept)")
      } else if stop == nil {
        lines.append("lr-find: no suggestion (the curve is too short); keeping η = \(kept)")
      }
      return lines
    }
  }

  /// Runs the test and, when it asks, waits for the answer.
  /// - Parameters:
  ///   - weights: the run's current weights; nil before the first batch (the same seed builds
  ///     the same initial weights).
  ///   - currentRate: the run's rate now, kept when the suggestion is declined.
  /// - Throws: when the model does not fit the data (as building the run's own trainer would).
  func run(
    setup: TrainSetup, data: PreparedData, weights: [Tensor]?, currentRate: Double,
    link: EngineLink, recorder: RunRecorder
  ) throws -> Outcome {
    let trainer = try TrainerFactory.make(setup: setup, data: data, validation: nil, epochs: 1)
    if let weights { trainer.model.restoreWeights(weights) }
    var state = RangeTestState(iterations: test.iterations, currentRate: currentRate)
    var deferred: [EngineCommand] = []
    var stop: String?
    recorder.show(rangeTest: state)
    let result = test.run(on: trainer) { partial in
      for command in link.drain() { Self.sort(command, deferred: &deferred, stop: &stop) }
      state.rates = partial.rates
      state.losses = partial.losses
      recorder.show(rangeTest: state)
      return stop == nil
    }
    let suggested = result.suggestion(method).flatMap { Double(TrainCommandLine.number($0)) }
    var outcome = Outcome(
      result: result, method: method, suggested: suggested, accepted: !asks && suggested != nil,
      previousRate: currentRate)
    if asks, stop == nil, let suggested {
      state.rates = result.rates
      state.losses = result.losses
      state.stopReason = result.stopReason == .completed ? nil : result.stopReason.rawValue
      // The offered rate first, as the run would take it (rounded); the others as found.
      state.suggestions = result.suggestions(preferring: method).map {
        RangeTestState.Suggestion(
          method: $0.method.rawValue, rate: $0.method == method ? suggested : $0.rate)
      }
      state.phase = .asking
      recorder.show(rangeTest: state)
      var answer: Bool?
      while answer == nil && stop == nil {
        link.waitForCommand(timeout: 0.25)
        // The elapsed clock keeps running while the question waits.
        recorder.publish(to: link)
        for command in link.drain() {
          if case .answerRangeTest(let accept) = command, answer == nil {
            answer = accept
          } else {
            Self.sort(command, deferred: &deferred, stop: &stop)
          }
        }
      }
      outcome.accepted = answer ?? false
    }
    recorder.show(rangeTest: nil)
    outcome.deferred = deferred
    outcome.stop = stop
    return outcome
  }

  /// Keeps a command that arrived during the test for later; a stop ends the test.
  private static func sort(
    _ command: EngineCommand, deferred: inout [EngineCommand], stop: inout String?
  ) {
    switch command {
    case .stop(let reason): stop = reason
    case .findLearningRate, .answerRangeTest: break
    default: deferred.append(command)
    }
  }
}
