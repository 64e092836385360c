/// The median stopping rule, as Optuna's `MedianPruner` (and Ray Tune's `MedianStoppingRule`):
/// after epoch `e`, a trial whose best validation loss so far is worse than the median of the
/// validation losses that earlier trials reported at epoch `e` is stopped ("pruned").
///
/// Defaults follow Optuna: no pruning until `startupTrials` (5) other trials reported that epoch,
/// and none before `warmupEpochs` (0) epochs. dltop compares only against trials that started
/// earlier (lower id), which keeps parallel searches reproducible: the decision for a trial never
/// depends on which other trial happened to finish first.
package struct MedianStoppingRule: Sendable, Equatable {
  package var startupTrials: Int
  package var warmupEpochs: Int

  package init(startupTrials: Int = 5, warmupEpochs: Int = 0) {
    self.startupTrials = startupTrials
    self.warmupEpochs = warmupEpochs
  }

  /// Whether to prune a trial after `epoch` (from 1).
  ///
  /// - Parameters:
  ///   - bestSoFar: the trial's lowest validation loss over epochs 1…`epoch`.
  ///   - others: the validation losses earlier trials reported at `epoch`.
  package func shouldPrune(epoch: Int, bestSoFar: Double, others: [Double]) -> Bool {
    guard epoch > warmupEpochs else { return false }
    let finite = others.filter(\.isFinite)
    guard finite.count >= startupTrials, finite.count > 0 else { return false }
    guard bestSoFar.isFinite else { return true }
    return bestSoFar > Self.median(finite)
  }

  package static func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  }
}
