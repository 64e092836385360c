import DLTopEngine
import DLTopMonitor
import Foundation

/// One trial's run recorder (DESIGN.md: "Search is many recorders: one per trial, plus a study
/// that ranks them"): the trial runner hands it batches and epochs; the `RunRecorder` keeps the
/// history, diagnoses it (the verdict timeline) and writes the trial's run log, which `watch` and
/// `diagnose` read like any dltop run. Early stopping is off inside a trial: the search's pruning
/// rule decides instead.
///
/// Lives on the trial's worker queue only.
final class TrialRecorder {
  private let recorder: RunRecorder
  private let classCount: Int?

  var history: [EpochRecord] { recorder.everyEpoch }
  var directory: String? { recorder.runDirectory }

  /// The diagnosis headline: the current verdict other than healthy ("diverged: …"), or the
  /// divergence this trial hit.
  private(set) var headline: String?

  init(directory: String, run: RunDescription, classCount: Int?) {
    var options = RunRecorder.Options()
    options.earlyStoppingEnabled = false
    options.classCount = classCount
    options.keepsEveryEpoch = true
    self.classCount = classCount
    recorder = RunRecorder(run: run, options: options)
    do {
      recorder.attach(runLog: try RunLogWriter(directory: directory, run: run))
    } catch {
      recorder.note(.warning, "no run log: \(error)")
    }
  }

  func start(epochs: Int, batchesPerEpoch: Int, learningRate: Double) {
    recorder.start(
      totalEpochs: epochs, batchesPerEpoch: batchesPerEpoch, learningRate: learningRate)
  }

  func record(batch report: BatchReport) {
    recorder.record(batch: BatchRecord(report))
  }

  /// Records an epoch (with its validation confusion matrix) and keeps the diagnosis headline.
  func record(epoch report: EpochReport) -> EpochRecord {
    let record = EpochRecord(report)
    var confusion: ConfusionRecord?
    if let classCount, let predicted = report.validationPredictions,
      let truth = report.validationLabels
    {
      confusion = ConfusionRecord(
        epoch: record.epoch,
        counts: ConfusionMatrix(truth: truth, predicted: predicted, classCount: classCount).rows)
    }
    recorder.record(epoch: record, confusion: confusion, samplesPerSecond: report.samplesPerSecond)
    if headline?.hasPrefix("diverged") != true {
      let current = recorder.verdicts.first { $0.kind == recorder.verdict && $0.kind != .healthy }
      headline = current.map { "\($0.kind.rawValue): \($0.evidence)" }
    }
    return record
  }

  /// Marks the trial diverged (a NaN or infinite loss), whatever the diagnosis says.
  func diverged(_ reason: String, epoch: Int) {
    headline = "diverged: \(reason)"
    recorder.note(.error, "diverged: \(reason)", epoch: epoch)
  }

  func note(_ kind: RunEvent.Kind, _ text: String, epoch: Int) {
    recorder.note(kind, text, epoch: epoch)
  }

  /// Ends the trial's run: final status, run log closed.
  func finish(_ status: TrialStatus, reason: String?) {
    let epoch = history.last?.epoch ?? 1
    switch status {
    case .failed where headline?.hasPrefix("diverged") == true:
      recorder.finish(status: .diverged(epoch: epoch))
    case .failed: recorder.finish(status: .failed(message: reason ?? "failed"))
    case .done: recorder.finish(status: .finished(reason: "all epochs run"))
    default: recorder.finish(status: .stopped(reason: reason ?? status.rawValue))
    }
  }
}
