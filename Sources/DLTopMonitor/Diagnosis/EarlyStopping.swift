/// The early-stopping policy, with the semantics of Keras's `keras.callbacks.EarlyStopping`
/// (Keras 3), checked against the real class on committed curves.
///
/// Each observed epoch with the monitored value: `wait` grows by one; an improvement (by more than
/// `minDelta`, in the mode's direction; the first value always counts) makes it the best and resets
/// `wait` only when it also beats `baseline`; otherwise, once `wait ≥ patience` and it is not the
/// first epoch, training stops. Epochs before `startFromEpoch` (counted from 0 over observed
/// epochs, as Keras counts) and epochs without the monitored value are skipped.
///
/// dltop's additions, each off when its option is nil/false: stop at once when the value is NaN or
/// ±∞ (`stopOnNonFinite`, on by default; Keras would wait out its patience), stop when the value
/// reaches `stoppingThreshold`, stop when it is worse than `divergenceThreshold`.
package struct EarlyStopping: Sendable {
  package enum Mode: String, Sendable, Equatable {
    case auto, min, max
  }

  package struct Options: Sendable, Equatable {
    /// The metric to watch (canonical name).
    package var monitor = MetricName.validationLoss.rawValue
    package var mode = Mode.auto
    /// The smallest change that counts as an improvement; its sign is ignored, as in Keras.
    package var minDelta = 0.0
    /// Epochs without improvement before stopping. SPEC.md's `EarlyStopping(patience=20)`, not
    /// Keras's default 0.
    package var patience = 20
    /// A value the monitored metric must beat before `wait` resets.
    package var baseline: Double?
    /// Warm-up epochs (counted from 0 over observed epochs) that are not watched at all.
    package var startFromEpoch = 0
    /// Whether to report the best epoch for restoring its weights when stopping.
    package var restoreBestWeights = false
    /// Stop at once when the monitored value is NaN or infinite.
    package var stopOnNonFinite = true
    /// Stop as soon as the value is at least this good.
    package var stoppingThreshold: Double?
    /// Stop as soon as the value is worse than this.
    package var divergenceThreshold: Double?

    package init() {}

    /// Whether larger values are better, resolving `auto` from the name (`MetricName.isMaximized`).
    package var maximizes: Bool {
      switch mode {
      case .min: false
      case .max: true
      case .auto: MetricName.isMaximized(monitor)
      }
    }
  }

  package let options: Options
  package private(set) var wait = 0
  package private(set) var best: Double?
  /// The epoch (as the source numbers it) of the best value.
  package private(set) var bestEpoch: Int?
  /// The epoch where it fired, once it has.
  package private(set) var stoppedEpoch: Int?
  /// Whether the policy is applied (key `e` toggles it); a disabled policy still tracks the best.
  package var enabled = true
  private var observed = 0

  package init(options: Options = Options()) {
    self.options = options
  }

  /// The state for the status line.
  package var status: EarlyStoppingStatus {
    EarlyStoppingStatus(
      enabled: enabled, monitor: options.monitor, patience: options.patience, wait: wait,
      bestEpoch: bestEpoch, bestValue: best, stoppedEpoch: stoppedEpoch)
  }

  /// Takes one finished epoch and says whether to stop after it.
  /// - Complexity: O(1).
  package mutating func observe(_ record: EpochRecord) -> EarlyStoppingDecision {
    let index = observed
    observed += 1
    guard stoppedEpoch == nil, let current = record.metrics[options.monitor],
      index >= options.startFromEpoch
    else { return EarlyStoppingDecision(improved: false) }

    if options.stopOnNonFinite && !current.isFinite {
      return stop(
        at: record.epoch,
        reason: "\(options.monitor) is \(JSONText.number(current)) at epoch \(record.epoch)",
        improved: false)
    }
    if let limit = options.divergenceThreshold, current.isNaN || !reaches(current, limit) {
      return stop(
        at: record.epoch,
        reason:
          "\(options.monitor) \(JSONText.number(current)) is past the divergence threshold \(JSONText.number(limit))",
        improved: false)
    }
    wait += 1
    if isImprovement(current, over: best) {
      best = current
      bestEpoch = record.epoch
      if options.baseline == nil || isImprovement(current, over: options.baseline) { wait = 0 }
      if let target = options.stoppingThreshold, reaches(current, target) {
        return stop(
          at: record.epoch, reason: "\(options.monitor) reached \(JSONText.number(target))",
          improved: true)
      }
      return EarlyStoppingDecision(improved: true)
    }
    if wait >= options.patience && index > 0 {
      return stop(
        at: record.epoch,
        reason:
          "no improvement of \(options.monitor) for \(wait) epochs (best \(best.map(EvidenceFormat.value) ?? "none") at epoch \(bestEpoch.map(String.init) ?? "?"))",
        improved: false)
    }
    return EarlyStoppingDecision(improved: false)
  }

  private mutating func stop(at epoch: Int, reason: String, improved: Bool) -> EarlyStoppingDecision
  {
    guard enabled else { return EarlyStoppingDecision(improved: improved) }
    stoppedEpoch = epoch
    return EarlyStoppingDecision(
      improved: improved, shouldStop: true, reason: reason,
      restoreEpoch: options.restoreBestWeights ? bestEpoch : nil)
  }

  /// Keras's `monitor_op(current - min_delta, reference)`; nil reference means "no best yet".
  private func isImprovement(_ current: Double, over reference: Double?) -> Bool {
    guard let reference else { return true }
    let delta = abs(options.minDelta)
    return options.maximizes ? current - delta > reference : current + delta < reference
  }

  private func reaches(_ value: Double, _ target: Double) -> Bool {
    options.maximizes ? value >= target : value <= target
  }

  /// Runs a fresh policy over a finished history and returns it as it ended.
  /// - Complexity: O(`records.count`).
  package static func replay(_ records: [EpochRecord], options: Options) -> EarlyStopping {
    var policy = EarlyStopping(options: options)
    for record in records {
      if policy.observe(record).shouldStop { break }
    }
    return policy
  }
}

/// What the policy says after one epoch.
package struct EarlyStoppingDecision: Sendable, Equatable {
  /// Whether this epoch's value became the new best.
  package var improved: Bool
  package var shouldStop = false
  /// Why it stops, for the event log.
  package var reason: String?
  /// The epoch whose weights to restore, when stopping with `restoreBestWeights`.
  package var restoreEpoch: Int?
}
