import DLTopEngine
import DLTopMonitor
import Foundation

/// `resume.bin`: written at every epoch end; read back by `dltop train --resume`.
extension TrainingLoop {
  /// Writes the checkpoint of the epoch that just ended, through a temporary file and a rename.
  /// Skipped without a run log, and while the log misses lines (a checkpoint must point at a log
  /// that holds its epoch); a failure is a warning event once, never the end of the run.
  func saveCheckpoint() {
    guard let directory = recorder.runDirectory else { return }
    let path = (directory as NSString).appendingPathComponent(ResumeFile.fileName)
    guard let position = recorder.completeRunLogPosition else {
      reportCheckpointFailure(
        "the run log misses lines, so \(path) stays at the last epoch it holds")
      return
    }
    let stopping = recorder.earlyStoppingState
    let state = ResumeState(
      checkpoint: trainer.checkpoint(), arguments: job.recordedArguments,
      logBytes: position.bytes, logBatchStride: position.batchStride,
      elapsedSeconds: recorder.elapsedSeconds,
      earlyStopping: .init(
        enabled: stopping.enabled, monitor: stopping.options.monitor, best: stopping.best,
        bestEpoch: stopping.bestEpoch, wait: stopping.wait))
    do {
      try AtomicFile.write(ResumeFile.encode(state), to: path)
    } catch {
      reportCheckpointFailure("could not save the checkpoint: \(error)")
    }
  }

  private func reportCheckpointFailure(_ text: String) {
    guard !checkpointFailureReported else { return }
    checkpointFailureReported = true
    recorder.note(.warning, "warning: \(text)")
    observer.message("warning: \(text)")
  }

  /// A resumed run: the log up to the checkpoint is replayed into the recorder (history,
  /// confusion matrices, events, the verdict timeline and early stopping come back as they were),
  /// then the log is reopened, cut back to the checkpoint, and appended to.
  func continueRunLog(_ plan: ResumePlan) {
    plan.replay(into: recorder)
    if job.setup.earlyStopping != nil, !plan.changesEarlyStopping,
      !plan.state.earlyStopping.enabled
    {
      recorder.setEarlyStopping(enabled: false)
    }
    do {
      let writer = try RunLogWriter(
        resuming: plan.directory, truncatingTo: plan.state.logBytes,
        batchStride: plan.state.logBatchStride)
      recorder.attach(runLog: writer)
      recorder.onRunLogFailure = { [observer] text in observer.message("warning: \(text)") }
    } catch {
      recorder.note(.warning, "no run log: \(error)")
      observer.message("warning: no run log: \(error)")
    }
    recorder.note(.info, plan.summary)
    let stopping = recorder.earlyStoppingState
    let saved = plan.state.earlyStopping
    if !plan.changesEarlyStopping,
      stopping.bestEpoch != saved.bestEpoch || stopping.wait != saved.wait
    {
      recorder.note(
        .warning,
        "warning: early stopping replayed from the log (best epoch \(stopping.bestEpoch.map(String.init) ?? "none"), wait \(stopping.wait)) differs from the checkpoint's (best epoch \(saved.bestEpoch.map(String.init) ?? "none"), wait \(saved.wait))"
      )
    }
  }
}

extension ResumePlan {
  /// Whether `--early-stop` or `--no-early-stop` was changed on resume.
  var changesEarlyStopping: Bool {
    guard let recorded = try? TrainOptions.parse(state.arguments) else { return true }
    return recorded.earlyStop != options.earlyStop || recorded.noEarlyStop != options.noEarlyStop
  }

  /// The event that starts the resumed part of the log.
  var summary: String {
    var text = "resumed from epoch \(state.completedEpochs) (\(checkpointPath))"
    if droppedLogBytes > 0 {
      text +=
        "; the \(droppedLogBytes) bytes the log held after it (an epoch that did not end, or a finished run's test result and end) were cut"
    }
    if !notes.isEmpty { text += "; " + notes.joined(separator: "; ") }
    return text
  }

  /// Feeds the log's records up to the checkpoint to `recorder`, as `dltop diagnose` does.
  func replay(into recorder: RunRecorder) {
    var replay = RunReplay(recorder: recorder)
    replay.feed(logItems)
    replay.settle()
  }

  /// Refuses a resume that early stopping would end at once: the run stopped early, and with
  /// the same policy the replayed epochs stop it again.
  func checkEarlyStopping(_ job: TrainingJob) throws {
    guard job.setup.earlyStopping != nil else { return }
    let recorder = RunRecorder(run: job.run, options: TrainerFactory.recorderOptions(job))
    replay(into: recorder)
    if let epoch = recorder.earlyStoppingState.stoppedEpoch {
      throw CommandFailure(
        "--resume: early stopping ended this run at epoch \(epoch) (best epoch \(recorder.earlyStoppingState.bestEpoch.map(String.init) ?? "none")) and would end it again at once; resume with a longer --early-stop patience=N or with --no-early-stop"
      )
    }
  }
}
