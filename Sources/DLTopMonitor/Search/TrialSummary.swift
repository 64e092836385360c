/// Where a trial stands.
package enum TrialStatus: String, Sendable, Equatable, CaseIterable {
  case queued
  case running
  /// Stopped early by the pruning rule (hopeless).
  case pruned
  /// Ran every epoch.
  case done
  /// Stopped by a key or by the search's time budget; its last epoch still counts.
  case stopped
  /// Could not run, or its loss became NaN/infinite (diverged).
  case failed

  /// Whether the trial has ended.
  package var isFinal: Bool { self != .queued && self != .running }
}

/// One trial of a search as the monitor sees it: its configuration, its epochs, its diagnosis.
package struct TrialSummary: Sendable, Equatable {
  package var id: Int
  package var round: Int
  /// Values in the order of the search's parameters.
  package var values: [ParameterValue]
  package var status: TrialStatus = .queued
  package var plannedEpochs: Int
  /// One record per finished epoch (loss, val_loss, val_accuracy, …).
  package var epochs: [EpochRecord] = []
  /// The diagnosis headline ("diverged: loss became NaN at epoch 2"), if any verdict but healthy.
  package var verdict: String?
  /// The run log's folder.
  package var runDirectory: String?
  /// The `dltop train` command that repeats the trial.
  package var command: String
  /// Why it ended, when not `done` ("pruned at epoch 2: 0.91 > median 0.43").
  package var note: String?
  /// The trial's final value when it was reported apart from its epochs (an Optuna trial's
  /// objective); nil ranks by the last epoch's `val_loss`.
  package var objective: Double?

  package init(id: Int, round: Int, values: [ParameterValue], plannedEpochs: Int, command: String) {
    self.id = id
    self.round = round
    self.values = values
    self.plannedEpochs = plannedEpochs
    self.command = command
  }

  /// The validation loss of the last finished epoch: the value the search ranks by.
  package var validationLoss: Double? { objective ?? epochs.last?.validationLoss }
  package var validationAccuracy: Double? { epochs.last?.validationAccuracy }
  /// The lowest validation loss over its epochs (what the pruning rule compares).
  package var bestValidationLoss: Double? {
    epochs.compactMap(\.validationLoss).filter(\.isFinite).min()
  }
  /// Whether it can be ranked: ended with a finite validation loss and not failed.
  package var isRankable: Bool {
    (status == .done || status == .stopped) && (validationLoss?.isFinite ?? false)
  }
}
