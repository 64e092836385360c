import DLTopMonitor
import Dispatch
import Synchronization

/// Diagnoses the watched run as it grows and publishes the verdicts and early-stopping advice
/// into the snapshot: where early stopping would have fired. It cannot stop a foreign process.
///
/// Runs on its own timer, so it follows run switches from the picker as well as new epochs.
final class WatchAdvisor: Sendable {
  private let link: EngineLink
  private let options: EarlyStopping.Options
  private let onVerdict: @Sendable (Verdict) -> Void
  private let onEarlyStop: @Sendable (Int, String) -> Void
  private let queue = DispatchQueue(label: "dltop.watch.advice")
  private let state = Mutex(State())
  /// Made in `init`, then only resumed and cancelled (both thread-safe Dispatch calls), never
  /// reassigned: sharing the reference across threads is safe.
  nonisolated(unsafe) private let timer: any DispatchSourceTimer

  private struct State {
    var seen: (run: String, epochs: Int, last: EpochRecord?)?
    var announced: Set<String> = []
  }

  init(
    link: EngineLink, options: EarlyStopping.Options, onVerdict: @escaping @Sendable (Verdict) -> Void = { _ in },
    onEarlyStop: @escaping @Sendable (Int, String) -> Void = { _, _ in }
  ) {
    self.link = link
    self.options = options
    self.onVerdict = onVerdict
    self.onEarlyStop = onEarlyStop
    timer = DispatchSource.makeTimerSource(queue: queue)
  }

  /// Starts recomputing every `interval` seconds; call once.
  func start(interval: Double = 0.5) {
    timer.schedule(deadline: .now(), repeating: interval)
    timer.setEventHandler { [weak self] in self?.update() }
    timer.resume()
  }

  /// Stops the timer and gives the advice a last time.
  func stop() {
    timer.cancel()
    queue.sync { update() }
  }

  /// Recomputes the advice when the shown run or its history changed.
  func update() {
    let snapshot = link.latest()
    let run = snapshot.run.name
    let epochs = snapshot.epochs
    let changed = state.withLock { state -> Bool in
      if let seen = state.seen, seen.run == run, seen.epochs == epochs.count, seen.last == epochs.last { return false }
      state.seen = (run, epochs.count, epochs.last)
      return true
    }
    guard changed, !epochs.isEmpty else { return }
    let diagnosis = Diagnoser(options: .init(classCount: snapshot.run.classNames?.count)).diagnose(epochs)
    var stopping = options
    if !epochs.contains(where: { $0.metrics[stopping.monitor] != nil }) && stopping.monitor == MetricName.validationLoss {
      stopping.monitor = MetricName.loss
    }
    let policy = EarlyStopping.replay(epochs, options: stopping)
    var status = policy.status
    status.enabled = false
    link.publish {
      $0.verdicts = diagnosis.verdicts
      $0.earlyStopping = status
    }
    for verdict in diagnosis.verdicts where verdict.kind != .healthy {
      if state.withLock({ $0.announced.insert("\(run)|\(verdict.kind.rawValue)").inserted }) { onVerdict(verdict) }
    }
    if let epoch = policy.stoppedEpoch, state.withLock({ $0.announced.insert("\(run)|stop").inserted }) {
      onEarlyStop(epoch, "early stopping (\(stopping.monitor), patience \(stopping.patience)) would have stopped this run at epoch \(epoch); best epoch \(policy.bestEpoch.map(String.init) ?? "?")")
    }
  }
}
