import Foundation

/// The monitor side of a live run: the executable feeds it what the trainer reports (epochs,
/// batches, events, confusion matrices); it applies the early-stopping policy and, when asked,
/// reduce-on-plateau, keeps the diagnosis
/// current, appends to the run log when it has one, and publishes everything to the dashboard's
/// `TrainingSnapshot` through the `EngineLink`.
///
/// Used from the training queue only (not thread-safe); `EngineLink` does the locking. Events are
/// bounded to the newest 500 and confusion matrices to the newest 100. A failing run-log write
/// becomes one warning event and the log is dropped; training goes on.
package final class RunMonitor {
  /// What to do after an epoch.
  package struct EpochDecision: Sendable, Equatable {
    package var earlyStopping: EarlyStoppingDecision
    /// The learning rate to apply from now on, when reduce-on-plateau lowered it.
    package var newLearningRate: Double?
    package var shouldStop: Bool { earlyStopping.shouldStop }
    /// The epoch whose weights to restore, when stopping with restore-best.
    package var restoreEpoch: Int? { earlyStopping.restoreEpoch }
  }

  package let link: EngineLink
  package private(set) var earlyStopping: EarlyStopping?
  package private(set) var plateau: ReduceLROnPlateau?
  package let diagnoser: Diagnoser
  package private(set) var runLog: RunLogWriter?
  /// The diagnosis of the latest epoch.
  package private(set) var diagnosis = Diagnosis(verdicts: [], label: .healthy)
  private var epochs: [EpochRecord] = []
  private var lastStep = 0
  private let started: Date
  static let eventLimit = 500
  static let confusionLimit = 100

  /// - Parameters:
  ///   - earlyStopping: the policy's options, or nil for `--no-early-stop`.
  ///   - plateau: reduce-on-plateau with the starting learning rate, or nil.
  ///   - runLog: where to append the run log, if anywhere.
  package init(
    link: EngineLink, earlyStopping: EarlyStopping.Options?,
    plateau: (options: ReduceLROnPlateau.Options, learningRate: Double)? = nil, diagnoser: Diagnoser = Diagnoser(),
    runLog: RunLogWriter? = nil, started: Date = Date()
  ) {
    self.link = link
    self.earlyStopping = earlyStopping.map { EarlyStopping(options: $0) }
    self.plateau = plateau.map { ReduceLROnPlateau(options: $0.options, learningRate: $0.learningRate) }
    self.diagnoser = diagnoser
    self.runLog = runLog
    self.started = started
    let status = self.earlyStopping?.status
    link.publish { $0.earlyStopping = status }
  }

  /// Seconds since the run started, for event times.
  package var elapsedSeconds: Double { Date().timeIntervalSince(started) }

  /// Takes a finished epoch: logs it, applies early stopping and reduce-on-plateau, re-diagnoses
  /// and publishes.
  /// - Returns: stop? restore which epoch? a new learning rate? (never stops when disabled).
  /// - Complexity: O(n) for the diagnosis of n epochs; beyond 2,000 epochs it runs every 10th epoch.
  @discardableResult
  package func recordEpoch(_ record: EpochRecord) -> EpochDecision {
    epochs.append(record)
    appendToLog { try $0.writeEpoch(record) }
    let decision = earlyStopping?.observe(record) ?? EarlyStoppingDecision(improved: false)
    var newEvents: [RunEvent] = []
    var change: LearningRateChange?
    let before = plateau?.learningRate
    if !decision.shouldStop, let before, let rate = plateau?.observe(record) {
      change = LearningRateChange(step: lastStep, epoch: record.epoch, from: before, to: rate, cause: .plateau)
      newEvents.append(RunEvent(elapsedSeconds: elapsedSeconds, epoch: record.epoch, kind: .schedule, text: "reduce on plateau: lr \(EvidenceFormat.value(before)) → \(EvidenceFormat.value(rate))"))
    }
    if decision.shouldStop {
      var text = "early stopping: " + (decision.reason ?? "stopped")
      if let restore = decision.restoreEpoch { text += "; restoring the weights of epoch \(restore)" }
      newEvents.append(RunEvent(elapsedSeconds: elapsedSeconds, epoch: record.epoch, kind: .earlyStop, text: text))
    }
    if epochs.count <= 2000 || epochs.count % 10 == 0 || decision.shouldStop {
      let previous = diagnosis.label
      diagnosis = diagnoser.diagnose(epochs)
      if diagnosis.label != previous, let top = diagnosis.verdicts.first {
        let onset = top.onsetEpoch.map { " since epoch \($0)" } ?? ""
        newEvents.append(RunEvent(elapsedSeconds: elapsedSeconds, epoch: record.epoch, kind: .verdict, text: "\(diagnosis.label.rawValue)\(onset): \(top.evidence)"))
      }
    }
    for event in newEvents { appendToLog { try $0.writeEvent(event) } }
    let verdicts = diagnosis.verdicts
    let status = earlyStopping?.status
    link.publish { snapshot in
      snapshot.epochs.append(record)
      snapshot.verdicts = verdicts
      snapshot.earlyStopping = status
      if let change { snapshot.learningRateChanges.append(change) }
      Self.append(newEvents, to: &snapshot.events)
    }
    return EpochDecision(earlyStopping: decision, newLearningRate: change?.to)
  }

  /// Tells reduce-on-plateau that the rate changed elsewhere (keys, commands, the schedule).
  package func learningRateChanged(to rate: Double) {
    plateau?.setLearningRate(rate)
  }

  /// Takes one batch's values: adds them to the per-batch series and the sampled run log.
  package func recordBatch(step: Int, epoch: Int, loss: Double, accuracy: Double? = nil, learningRate: Double? = nil) {
    lastStep = step
    runLog?.writeBatch(step: step, epoch: epoch, loss: loss, learningRate: learningRate, accuracy: accuracy)
    link.publish { snapshot in
      snapshot.batchLoss.append(loss)
      if let accuracy { snapshot.batchAccuracy.append(accuracy) }
      if let learningRate {
        snapshot.batchLearningRate.append(learningRate)
        snapshot.learningRate = learningRate
      }
    }
  }

  /// Adds an event (key actions, schedule steps, snapshots written) to the log and the snapshot.
  package func recordEvent(_ kind: RunEvent.Kind, epoch: Int?, text: String) {
    let event = RunEvent(elapsedSeconds: elapsedSeconds, epoch: epoch, kind: kind, text: text)
    appendToLog { try $0.writeEvent(event) }
    link.publish { Self.append([event], to: &$0.events) }
  }

  /// Adds a validation confusion matrix (the snapshot keeps the newest 100).
  package func recordConfusion(_ record: ConfusionRecord) {
    link.publish { snapshot in
      snapshot.confusions.append(record)
      if snapshot.confusions.count > Self.confusionLimit {
        snapshot.confusions.removeFirst(snapshot.confusions.count - Self.confusionLimit)
      }
    }
  }

  /// Turns early stopping on or off (key `e`); the best epoch keeps being tracked while off.
  package func setEarlyStoppingEnabled(_ enabled: Bool) {
    guard earlyStopping != nil else { return }
    earlyStopping?.enabled = enabled
    let status = earlyStopping?.status
    recordEvent(.info, epoch: epochs.last?.epoch, text: "early stopping \(enabled ? "on" : "off")")
    link.publish { $0.earlyStopping = status }
  }

  /// Writes what the run log still holds and closes it.
  package func finish() {
    appendToLog { try $0.close() }
    runLog = nil
  }

  private func appendToLog(_ write: (RunLogWriter) throws -> Void) {
    guard let log = runLog else { return }
    do {
      try write(log)
    } catch {
      runLog = nil
      let event = RunEvent(elapsedSeconds: elapsedSeconds, epoch: epochs.last?.epoch, kind: .warning, text: "run log stopped: \(error)")
      link.publish { Self.append([event], to: &$0.events) }
    }
  }

  private static func append(_ events: [RunEvent], to list: inout [RunEvent]) {
    guard !events.isEmpty else { return }
    list.append(contentsOf: events)
    if list.count > eventLimit { list.removeFirst(list.count - eventLimit) }
  }
}
