import DLTopEngine
import DLTopMonitor

extension TrainingLoop {
  func openRunLog() {
    guard job.writesRunLog else { return }
    do {
      let writer = try RunLogWriter(directory: job.runDirectory, run: job.run)
      recorder.attach(runLog: writer)
      recorder.onRunLogFailure = { [observer] text in observer.message("warning: \(text)") }
      recorder.note(.info, "run log: \(writer.directory)")
    } catch {
      recorder.note(.warning, "no run log: \(error)")
      observer.message("warning: no run log: \(error)")
    }
  }

  /// Ends the run: test evaluation once, final status, run log closed.
  func finish() -> TrainOutcome {
    var outcome = TrainOutcome()
    outcome.runDirectory = recorder.runDirectory
    outcome.diverged = diverged
    outcome.stoppedEarly = stoppedEarly
    outcome.stopReason = stopRequest ?? "all \(job.setup.epochs) epochs run"
    outcome.test = diverged ? nil : TestEvaluation.evaluate(job.data, trainer: trainer)
    if !diverged { saveLastWeights() }
    let status: RunStatus
    if diverged {
      status = .diverged(epoch: recorder.epochs.last?.epoch ?? 1)
    } else if stoppedEarly || stopRequest == nil {
      status = .finished(reason: outcome.stopReason)
    } else {
      status = .stopped(reason: outcome.stopReason)
    }
    if let test = outcome.test {
      recorder.record(test: test.summary)
      let accuracy = test.accuracy.map { ", accuracy \(HeadlessPrinter.format($0))" } ?? ""
      recorder.note(.info, "test: loss \(HeadlessPrinter.format(test.loss))\(accuracy)")
    }
    recorder.note(.info, "finished: \(outcome.stopReason)")
    recorder.finish(status: status)
    // A run whose log lost lines (disk full) must not end as a success.
    if let problem = recorder.runLogProblem { outcome.failure = problem }
    outcome.history = recorder.everyEpoch
    outcome.bestEpoch = recorder.earlyStoppingState.bestEpoch
    outcome.monitor = recorder.earlyStoppingState.options.monitor
    outcome.verdict = recorder.verdict
    outcome.verdicts = recorder.verdicts
    outcome.timeline = recorder.timeline.changes
    return outcome
  }
}

extension BatchRecord {
  init(_ report: BatchReport) {
    self.init(
      step: report.step, epoch: report.epoch, batch: report.batchIndex + 1, loss: report.loss,
      accuracy: report.accuracy, learningRate: report.learningRate, samples: report.samples)
  }
}
