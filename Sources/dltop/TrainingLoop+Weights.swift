import DLTopEngine
import DLTopMonitor
import Foundation

/// The run folder's weight files: `best-weights.bin` when early stopping restores the best epoch,
/// and `last-weights.bin` at the end, the model the test metrics were computed with.
extension TrainingLoop {
  static let lastWeightsFileName = "last-weights.bin"

  /// Writes `name` in the run folder; a failure is a warning event, never the end of the run.
  func writeWeights(named name: String, kind: String, epoch: Int?) {
    guard let directory = recorder.runDirectory else { return }
    let outputs = trainer.model.outputShape.reduce(1, *)
    let metadata = WeightsMetadata.make(job: job, kind: kind, epoch: epoch, outputs: outputs)
    let path = (directory as NSString).appendingPathComponent(name)
    do {
      try AtomicFile.write(WeightsFile.encode(trainer.model, metadata: metadata), to: path)
      recorder.note(.info, "\(kind) weights saved to \(path)")
    } catch {
      recorder.note(.warning, "could not save \(kind) weights: \(error)")
    }
  }

  /// The final model, after any restore of the best epoch: `dltop eval` on this file gives the
  /// test metrics the run printed.
  func saveLastWeights() {
    writeWeights(named: Self.lastWeightsFileName, kind: "last", epoch: recorder.epochs.last?.epoch)
  }
}
