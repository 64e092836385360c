/// Everything the search dashboard and the final report show about a search; copied out of a
/// `StudyLink` and drawn without a lock.
package struct SearchSnapshot: Sendable, Equatable {
  package enum Status: Sendable, Equatable {
    case running
    case paused
    case finished(String)
  }

  package var title: String
  /// The parameters as given on the command line (round 1's space).
  package var space: SearchSpace
  /// The space of each round, from round 1.
  package var roundSpaces: [SearchSpace]
  package var totalRounds: Int
  package var trials: [TrialSummary] = []
  package var status: Status = .running
  package var elapsedSeconds: Double = 0
  package var budgetSeconds: Double?
  /// The pruning rule's name (`median`), or `none`.
  package var pruner: String
  /// Trials run at once, and OpenBLAS threads each.
  package var parallelTrials: Int
  /// Lines for the events list (newest last).
  package var events: [String] = []
  /// Events added since the start (the list keeps only the newest).
  package var eventTotal = 0
  /// The test result line, once the best configuration was evaluated.
  package var testSummary: String?
  package var generation: UInt64 = 0

  package init(
    title: String, space: SearchSpace, totalRounds: Int, pruner: String, parallelTrials: Int
  ) {
    self.title = title
    self.space = space
    self.roundSpaces = [space]
    self.totalRounds = totalRounds
    self.pruner = pruner
    self.parallelTrials = parallelTrials
  }

  /// The round being sampled (from 1).
  package var currentRound: Int { roundSpaces.count }

  /// The best rankable trial: lowest final validation loss (ties: lower id).
  package var best: TrialSummary? {
    trials.filter(\.isRankable).min { a, b in
      (a.validationLoss ?? .infinity, a.id) < (b.validationLoss ?? .infinity, b.id)
    }
  }

  /// Epochs that pruned trials did not have to run.
  package var prunedEpochsSaved: Int {
    trials.filter { $0.status == .pruned }.reduce(0) {
      $0 + max(0, $1.plannedEpochs - $1.epochs.count)
    }
  }

  /// Epochs all trials ran.
  package var epochsRun: Int { trials.reduce(0) { $0 + $1.epochs.count } }

  /// Trials ranked best first: rankable by validation loss, then the rest by id.
  package func ranked() -> [TrialSummary] {
    let rankable = trials.filter(\.isRankable).sorted {
      ($0.validationLoss ?? .infinity, $0.id) < ($1.validationLoss ?? .infinity, $1.id)
    }
    return rankable + trials.filter { !$0.isRankable }.sorted { $0.id < $1.id }
  }
}
