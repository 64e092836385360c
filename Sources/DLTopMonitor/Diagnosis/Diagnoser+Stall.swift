import Foundation

/// The last check before a run is called healthy: "healthy" means both losses improving, and a
/// val_loss that zig-zags and ends well above a best it set long ago is not improving, whatever
/// the other rules missed. Keras `EarlyStopping` would have stopped such a run.
extension Diagnoser {
  /// val_loss (the median of its last 3 epochs) ends at least `stalledRise` above its minimum,
  /// reached at least `stalledShare` of the run and `overfitEpochsSinceMinimum` epochs ago,
  /// and zig-zags by `overfitZigZag` or more: oscillation (the steps overshoot — issue 11's "train
  /// falls smoothly, validation zig-zags", even when the train loss still falls). A val_loss that
  /// climbs smoothly instead is left to the overfitting rules: calling a healthy run overfitting
  /// is the one mistake the diagnoser must not make, and this check is the weaker evidence.
  /// On the tuning data (the eighth round) no run called healthy by the other rules ends like this
  /// except holdout-6's Keras Adam η 0.04 batch-8 run on seven blobs, made to oscillate: its val_loss
  /// ended 48% above the best it set in epoch 4 of 35, and it was called healthy.
  func stalledAboveItsBest(_ curves: Curves) -> Verdict? {
    let limits = DiagnosisThresholds.self
    let val = curves.validationLoss
    guard val.count >= limits.oscillationEpochs + 2,
      let best = val.values.indices.min(by: { val.values[$0] < val.values[$1] })
    else { return nil }
    let least = val.values[best]
    let since = val.count - 1 - best
    let end = Self.median(of: val.values.suffix(3))
    guard least > 0, end.isFinite, end >= (1 + limits.stalledRise) * least,
      since >= limits.overfitEpochsSinceMinimum,
      Double(since) >= limits.stalledShare * Double(val.count)
    else { return nil }
    guard let valZigZag = Self.zigZag(of: val), valZigZag >= limits.overfitZigZag else {
      return nil
    }
    return Verdict(
      kind: .oscillation, onsetEpoch: val.epochs[best], confidence: 0.65,
      evidence:
        "val_loss has not improved since epoch \(val.epochs[best]) (\(EvidenceFormat.value(least))) and ends \(EvidenceFormat.percent(end / least - 1)) above it, zig-zagging \(EvidenceFormat.percent(exp(valZigZag) - 1)) up and down around its trend per epoch: the steps overshoot",
      advice: advice(for: .oscillation))
  }
}
