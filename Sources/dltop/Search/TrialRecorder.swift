import DLTopEngine
import DLTopMonitor
import Foundation

/// The monitor side of one trial: its epoch history, its diagnosis and its run log.
///
/// This is the seam where the run recorder (DESIGN.md, "Search is many recorders") takes over:
/// the trial runner only hands it batches and epochs and reads back the verdict.
/// Lives on the trial's worker queue only.
final class TrialRecorder {
  private(set) var history: [EpochRecord] = []
  private let diagnoser: Diagnoser
  private let runLog: RunLogWriter?
  private let started = ContinuousClock.now
  /// Verdict kinds already written to the log.
  private var announced: Set<VerdictKind> = []
  /// The latest diagnosis headline (a verdict other than healthy), e.g. "diverged: …".
  private(set) var headline: String?

  var directory: String? { runLog?.directory }

  init(directory: String, run: RunDescription, classCount: Int?) {
    diagnoser = Diagnoser(options: .init(classCount: classCount))
    runLog = try? RunLogWriter(directory: directory, run: run)
  }

  func record(batch report: BatchReport) {
    runLog?.writeBatch(
      step: report.step, epoch: report.epoch, loss: report.loss, learningRate: report.learningRate,
      accuracy: report.accuracy)
  }

  /// Records an epoch and diagnoses the history so far.
  func record(epoch record: EpochRecord) {
    history.append(record)
    try? runLog?.writeEpoch(record)
    let diagnosis = diagnoser.diagnose(history)
    for verdict in diagnosis.verdicts where verdict.kind != .healthy {
      headline = "\(verdict.kind.rawValue): \(verdict.evidence)"
      if announced.insert(verdict.kind).inserted {
        note(.verdict, "\(verdict.kind.rawValue): \(verdict.evidence)", epoch: record.epoch)
      }
      break
    }
  }

  /// Marks the trial diverged (a NaN or infinite loss), whatever the diagnosis says.
  func diverged(_ reason: String, epoch: Int) {
    headline = "diverged: \(reason)"
    note(.error, "diverged: \(reason)", epoch: epoch)
  }

  func note(_ kind: RunEvent.Kind, _ text: String, epoch: Int) {
    let parts = started.duration(to: .now).components
    let elapsed = Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
    try? runLog?.writeEvent(RunEvent(elapsedSeconds: elapsed, epoch: epoch, kind: kind, text: text))
  }

  func close() { try? runLog?.close() }
}
