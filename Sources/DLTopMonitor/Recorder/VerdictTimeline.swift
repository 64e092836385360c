/// One change of a run's verdict: from `epoch` on, the run is `verdict`.
package struct VerdictChange: Sendable, Equatable, Codable {
  package var epoch: Int
  package var verdict: VerdictKind

  package init(epoch: Int, verdict: VerdictKind) {
    self.epoch = epoch
    self.verdict = verdict
  }
}

/// A run's verdict as a state with hysteresis, over the diagnoser's per-epoch label.
///
/// The diagnoser judges each epoch's history afresh, so near a threshold its label can flip from
/// one epoch to the next. The timeline only moves on clear evidence: a new label must hold for
/// `raiseAfter` consecutive epochs to replace `healthy`, and for `clearAfter` consecutive epochs to
/// replace any other verdict. A label in `immediate` (divergence: a NaN loss needs no second
/// opinion) takes over at once. One noisy epoch never toggles the state.
package struct VerdictTimeline: Sendable, Equatable {
  /// How much agreement a change needs.
  package struct Hysteresis: Sendable, Equatable {
    /// Consecutive epochs a verdict must be diagnosed before it replaces `healthy`.
    package var raiseAfter = 2
    /// Consecutive epochs a different label must be diagnosed before a raised verdict is left.
    package var clearAfter = 3
    /// Labels taken at the first epoch they are diagnosed.
    package var immediate: Set<VerdictKind> = [.divergence]
    package init() {}
  }

  package let hysteresis: Hysteresis
  /// The changes, oldest first; the first entry is the state at the first epoch observed.
  package private(set) var changes: [VerdictChange] = []
  private var candidate: VerdictKind?
  private var streak = 0

  package init(hysteresis: Hysteresis = Hysteresis()) {
    self.hysteresis = hysteresis
  }

  /// The current state (`healthy` before any epoch).
  package var current: VerdictKind { changes.last?.verdict ?? .healthy }

  /// The epoch the current state began, if any epoch was observed.
  package var since: Int? { changes.last?.epoch }

  /// Takes the diagnoser's label for `epoch`. - Returns: the change it caused, if any.
  /// - Complexity: O(1).
  @discardableResult
  package mutating func observe(_ label: VerdictKind, epoch: Int) -> VerdictChange? {
    guard let state = changes.last?.verdict else {
      let first = VerdictChange(epoch: epoch, verdict: label)
      changes.append(first)
      return first
    }
    guard label != state else {
      candidate = nil
      streak = 0
      return nil
    }
    if label == candidate {
      streak += 1
    } else {
      candidate = label
      streak = 1
    }
    let needed = state == .healthy ? hysteresis.raiseAfter : hysteresis.clearAfter
    guard hysteresis.immediate.contains(label) || streak >= needed else { return nil }
    let change = VerdictChange(epoch: epoch, verdict: label)
    changes.append(change)
    candidate = nil
    streak = 0
    return change
  }
}
