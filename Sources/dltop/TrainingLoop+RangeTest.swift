import DLTopEngine
import DLTopMonitor

/// The learning-rate range test in a training run (see `RangeTestPhase`).
extension TrainingLoop {
  /// After `--lr-find`'s test, once the run log is open: the test's events, then the commands
  /// that arrived during it (a pause, a quit).
  func startAfterRangeTest(_ preface: RangeTestPhase.Outcome) {
    for line in preface.eventLines {
      recorder.note(.info, line)
      observer.message(line)
    }
    for command in preface.deferred { apply(command) }
    if let stop = preface.stop { apply(.stop(reason: stop)) }
  }

  /// Key `L` while paused: the range test from the current weights. On "y" its suggestion
  /// becomes the rate from the next batch on (the schedule keeps its shape, as with `]`); the
  /// run stays paused either way.
  func findLearningRate() {
    recorder.note(.key, "lr-find: range test from the current weights")
    let outcome: RangeTestPhase.Outcome
    do {
      outcome = try RangeTestPhase(asks: true).run(
        setup: job.setup, data: job.data, weights: trainer.model.weights(),
        currentRate: trainer.currentLearningRate, link: link, recorder: recorder)
    } catch {
      recorder.note(.error, "lr-find: \(error)")
      return
    }
    for line in outcome.eventLines { recorder.note(.key, line) }
    if outcome.accepted, let rate = outcome.suggested {
      let before = trainer.currentLearningRate
      trainer.setLearningRate(rate)
      let change = LearningRateChange(
        step: trainer.globalStep, epoch: trainer.epoch, from: before,
        to: trainer.currentLearningRate, cause: .key)
      recorder.record(learningRateChange: change, plannedRates: plannedRates())
    }
    for command in outcome.deferred { apply(command) }
    if let stop = outcome.stop { apply(.stop(reason: stop)) }
  }
}
