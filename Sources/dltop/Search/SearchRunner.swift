import DLTopEngine
import DLTopMonitor
import Dispatch
import Foundation
import Synchronization

/// Runs a whole search on background queues: round after round it samples trials (the first
/// round in the given space, each later one in the space narrowed around the best trials so
/// far), runs them `parallel` at a time, and keeps the best trial's weights for the single test
/// evaluation at the end.
final class SearchRunner: Sendable {
  struct Settings: Sendable {
    var space: SearchSpace
    /// Arguments every trial shares.
    var fixed: [String]
    var trials: Int
    var rounds: Int
    var parallel: Int
    var seed: UInt64
    var budgetSeconds: Double?
    var rule: MedianStoppingRule?
    var folder: String
    /// How many of the best trials so far the next round's space is narrowed around (at least 2).
    var narrowingFraction = 0.25
  }

  /// What the search produced.
  struct Outcome: Sendable {
    var best: TrialPlan?
    var bestWeights: [Tensor]?
    var test: SearchTestEvaluation?
    var failure: String?
  }

  let settings: Settings
  let link: StudyLink
  private let data: PreparedData
  /// The test split: evaluated once, after every trial ended.
  private let test: HeldOutTestSet?
  private let started = ContinuousClock.now
  private let done = DispatchSemaphore(value: 0)
  private let result = Mutex<Outcome?>(nil)

  /// - Parameters:
  ///   - data: the training and validation splits only (`test` removed: trials cannot reach it).
  ///   - test: the held-out test split, evaluated once at the end with the best trial's weights.
  init(settings: Settings, data: PreparedData, test: HeldOutTestSet?, link: StudyLink) {
    precondition(data.test == nil, "SearchRunner: trials must not see the test split")
    self.settings = settings
    self.data = data
    self.test = test
    self.link = link
  }

  /// Starts the search; returns at once.
  func start() {
    DispatchQueue(label: "dltop.search", qos: .userInitiated).async { [self] in
      var outcome = run()
      if outcome.failure == nil {
        outcome.test = SearchTestEvaluation.evaluate(outcome, data: data, test: test)
      }
      let finished = outcome
      let started = self.started
      link.publish { snapshot in
        snapshot.testSummary = finished.test?.summary
        snapshot.status = .finished(finished.failure ?? "search finished")
        snapshot.elapsedSeconds = started.duration(to: .now).seconds
      }
      result.withLock { $0 = outcome }
      done.signal()
    }
  }

  var outcome: Outcome? { result.withLock { $0 } }

  func wait() -> Outcome {
    done.wait()
    done.signal()
    return outcome ?? Outcome()
  }

  private func run() -> Outcome {
    let deadline = settings.budgetSeconds.map { started + .milliseconds(Int($0 * 1000)) }
    let runner = TrialRunner(
      data: data, link: link, rule: settings.rule, deadline: deadline, folder: settings.folder)
    var generator = SeededGenerator(seed: settings.seed).derived(stream: 77)
    var space = settings.space
    var bestPlan: TrialPlan?
    var bestLoss = Double.infinity
    var bestWeights: [Tensor]?
    var plans: [Int: TrialPlan] = [:]
    var nextID = 1
    let perRound = (settings.trials + settings.rounds - 1) / settings.rounds
    for round in 1...settings.rounds {
      if round > 1 {
        let ranked = link.latest().ranked().filter(\.isRankable)
        let keep = max(2, Int((Double(ranked.count) * settings.narrowingFraction).rounded(.up)))
        guard !ranked.isEmpty else { break }
        space = space.narrowed(around: ranked.prefix(keep).map(\.values))
        let narrowed = space
        link.publish { $0.roundSpaces.append(narrowed) }
        link.note(
          "round \(round): narrowed around the best \(min(keep, ranked.count)) trials: "
            + narrowed.parameters.map { "\($0.name) \($0.domain.summary)" }.joined(separator: ", "))
      }
      let count = min(perRound, settings.trials - nextID + 1)
      guard count > 0 else { break }
      var roundPlans: [TrialPlan] = []
      for _ in 0..<count {
        let values = space.sample(using: &generator)
        do {
          let plan = try TrialPlan(
            id: nextID, round: round, values: values, parameters: space.parameters,
            fixed: settings.fixed)
          roundPlans.append(plan)
        } catch {
          return Outcome(failure: "\(error)")
        }
        nextID += 1
      }
      let summaries = roundPlans.map {
        TrialSummary(
          id: $0.id, round: round, values: $0.values, plannedEpochs: $0.setup.epochs,
          command: $0.arguments.text)
      }
      link.publish { $0.trials += summaries }
      for plan in roundPlans { plans[plan.id] = plan }
      let results = runParallel(roundPlans, runner: runner, deadline: deadline)
      for result in results {
        guard let loss = result.validationLoss, loss.isFinite, result.weights != nil,
          result.status == .done || result.status == .stopped,
          loss < bestLoss
            || (loss == bestLoss && result.id < (bestPlan?.id ?? .max))
        else { continue }
        bestLoss = loss
        bestPlan = plans[result.id]
        bestWeights = result.weights
      }
      if link.isSearchStopped || deadline.map({ ContinuousClock.now >= $0 }) == true { break }
    }
    return Outcome(best: bestPlan, bestWeights: bestWeights)
  }

  /// Runs `plans` on `parallel` worker queues, each taking the next plan in id order.
  private func runParallel(
    _ plans: [TrialPlan], runner: TrialRunner, deadline: ContinuousClock.Instant?
  ) -> [TrialResult] {
    let queue = Mutex(plans[...])
    let results = Mutex<[TrialResult]>([])
    let group = DispatchGroup()
    let link = self.link
    for worker in 0..<max(1, min(settings.parallel, plans.count)) {
      DispatchQueue(label: "dltop.trial.\(worker)", qos: .userInitiated).async(group: group) {
        while true {
          if link.isSearchStopped { break }
          if let deadline, ContinuousClock.now >= deadline { break }
          link.waitWhilePaused()
          guard let plan = queue.withLock({ $0.popFirst() }) else { break }
          if link.isTrialStopped(plan.id) {
            link.publish { snapshot in
              if let index = snapshot.trials.firstIndex(where: { $0.id == plan.id }) {
                snapshot.trials[index].status = .stopped
                snapshot.trials[index].note = "stopped by key before it started"
              }
            }
            continue
          }
          let result = runner.run(plan)
          results.withLock { $0.append(result) }
        }
      }
    }
    group.wait()
    // Trials never started (budget or stop): marked stopped with no epochs.
    let leftover = queue.withLock { Array($0) }.map(\.id)
    if !leftover.isEmpty {
      link.publish { snapshot in
        for index in snapshot.trials.indices where leftover.contains(snapshot.trials[index].id) {
          snapshot.trials[index].status = .stopped
          snapshot.trials[index].note = "not started: the search ended first"
        }
      }
    }
    return results.withLock { $0 }
  }
}

extension Duration {
  /// The duration in seconds as a `Double`.
  var seconds: Double {
    let parts = components
    return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
  }
}
