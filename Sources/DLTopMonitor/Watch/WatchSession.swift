import Dispatch
import Foundation
import Synchronization

/// Follows every training run under a path (`dltop watch PATH`) and publishes the selected one into
/// an `EngineLink`, so the dashboard and the headless printer read it like one of our own runs.
///
/// Each poll rescans the folder for new runs (every `rescanInterval`), reads what each file gained
/// (`LogFollower`), merges the files of a run by epoch (`WatchRun`) and publishes a snapshot with
/// status `.watching`, `run.controllable == false` (a foreign process cannot be steered), the run's
/// epochs and per-batch series, the other runs as `comparisonRuns` and the unmapped scalar names.
///
/// `onNewEpoch` is called once per run and epoch, when the epoch is settled: every file of the run
/// has moved past it, or the run has been quiet for `settleAfter` seconds (a file's last epoch is
/// only known to be complete when nothing more comes), or `settleAll()`/`stop()` is called. Later
/// values for a settled epoch still reach the snapshot but are not announced again. When a file is
/// read again from the start (truncated, replaced or rewritten), an epoch is announced again only
/// if its values changed: a training restarted over the same log is new history, while Lightning
/// rewriting `metrics.csv` with a wider header repeats the same values.
///
/// Many runs load lazily when `backgroundBytesPerRound` is set (the dashboard sets it): every run
/// is listed at once, the selected run is read first and in full, and the others are read in the
/// background, at most that many bytes per poll, until each has been read to its end once; from
/// then on they are followed like the selected run. Selecting a run reads it at once. Memory stays
/// bounded because a run's per-step series are buckets (`BatchSeries`) and a follower releases its
/// read buffer after each poll.
///
/// Threading: `@unchecked Sendable` because every mutable property is only touched on `queue`, a
/// serial queue the session owns; the public methods hop onto it. Callbacks run on that queue and
/// must not call `pollOnce`, `settleAll` or `stop` (they wait for the queue).
package final class WatchSession: @unchecked Sendable {
  /// Timing of the follow loop.
  package struct Configuration: Sendable {
    /// Seconds between polls of the files.
    package var pollInterval = 0.2
    /// Seconds between scans of the folder for new runs and files.
    package var rescanInterval = 2.0
    /// Seconds a run must be quiet before its last, pending epoch is announced.
    package var settleAfter = 2.0
    /// Seconds without growth before the header says "last update … ago".
    package var quietAfter = TrainingProgress.quietAfter
    /// How each run's recorder judges it (early-stopping advice, caps); `steersRun` is always off.
    package var recorder = RunRecorder.Options()
    /// Bytes the runs other than the selected one may read per poll until each has been read to
    /// its end once; nil reads every run in full at every poll (headless mode prints every run).
    package var backgroundBytesPerRound: Int?
    package init() {}

    /// What the dashboard reads of the other runs per poll while they load: a few milliseconds
    /// of parsing, so a poll of a folder of 200 runs never holds the session's queue for long.
    package static let dashboardBackgroundBytes = 4 << 20
  }

  /// Called with the run's name and the settled epoch.
  package typealias EpochHandler = @Sendable (_ run: String, _ record: EpochRecord) -> Void
  /// Called for every problem found in a log (parsing goes on).
  package typealias IssueHandler = @Sendable (_ issue: LogIssue) -> Void
  /// Called with the run's name and what its recorder decided after a settled epoch (verdicts to
  /// announce, early-stopping advice).
  package typealias DecisionHandler = @Sendable (_ run: String, _ decision: EpochDecision) -> Void
  /// Called once when a run's log says it ended (a dltop run log's `end` record).
  package typealias EndHandler = @Sendable (_ run: String, _ status: RunStatus) -> Void

  package let path: String
  package let link: EngineLink
  package let configuration: Configuration
  private let onNewEpoch: EpochHandler?
  private let onIssue: IssueHandler?
  private let onDecision: DecisionHandler?
  private let onRunEnded: EndHandler?
  private let queue = DispatchQueue(label: "dltop.watch")
  /// Run names for other threads (the run picker), kept in step with `runs`.
  private let names = Mutex<(names: [String], selected: Int?)>(([], nil))

  // Confined to `queue`:
  private var runs: [WatchRun] = []
  private var selectedRoot: String?
  private var timer: DispatchSourceTimer?
  private let started = ContinuousClock.now
  private var lastScan: ContinuousClock.Instant?
  private var published = false
  /// The selected run's quiet time last published, so a quiet run is republished only when the
  /// header's "last update … ago" changes.
  private var publishedQuiet: Double?

  /// - Parameters:
  ///   - path: a log file or a folder to search recursively.
  ///   - link: where snapshots are published; `makeLink(path:)` gives a suitable one.
  package init(
    path: String, link: EngineLink, configuration: Configuration = Configuration(),
    onNewEpoch: EpochHandler? = nil, onIssue: IssueHandler? = nil,
    onDecision: DecisionHandler? = nil,
    onRunEnded: EndHandler? = nil
  ) {
    self.path = path
    self.link = link
    self.configuration = configuration
    self.onNewEpoch = onNewEpoch
    self.onIssue = onIssue
    self.onDecision = onDecision
    self.onRunEnded = onRunEnded
  }

  deinit { timer?.cancel() }

  /// A link whose first snapshot already says `.watching` and not controllable.
  package static func makeLink(path: String) -> EngineLink {
    var first = TrainingSnapshot(run: RunDescription(name: path, source: path, controllable: false))
    first.status = .watching
    return EngineLink(snapshot: first)
  }

  /// The runs found so far, in picker order (sorted by name).
  package var runNames: [String] { names.withLock { $0.names } }
  /// The index of the run shown, if any run was found.
  package var selectedRunIndex: Int? { names.withLock { $0.selected } }
  /// The runs read to the end at least once, in `runNames` order (the others are still loading).
  package var loadedRunNames: [String] { queue.sync { runs.filter(\.caughtUp).map(\.name) } }

  /// Starts polling every `pollInterval` seconds on the session's queue.
  package func start() {
    queue.async {
      guard self.timer == nil else { return }
      let timer = DispatchSource.makeTimerSource(queue: self.queue)
      timer.schedule(deadline: .now(), repeating: self.configuration.pollInterval)
      timer.setEventHandler { [weak self] in self?.round(forceRescan: false) }
      self.timer = timer
      timer.resume()
    }
  }

  /// Stops polling, announces every epoch still pending and publishes a last time.
  package func stop() {
    queue.sync {
      timer?.cancel()
      timer = nil
      settle(all: true, now: .now)
      for run in runs {
        run.replayPendingRecords(all: true)
        if let status = run.takeEnd() { onRunEnded?(run.name, status) }
      }
      publish()
    }
  }

  /// One synchronous round: rescan (always, or only when due if `rescan` is false), read every
  /// file, announce settled epochs, publish.
  package func pollOnce(rescan: Bool = true) {
    queue.sync { round(forceRescan: rescan) }
  }

  /// Announces every epoch seen but not yet announced, as if every run had gone quiet.
  package func settleAll() {
    queue.sync {
      settle(all: true, now: .now)
      publish()
    }
  }

  /// Shows run `runIndex` (in `runNames` order); the others become comparison runs.
  package func select(runIndex: Int) {
    queue.async {
      guard self.runs.indices.contains(runIndex) else { return }
      let run = self.runs[runIndex]
      self.selectedRoot = run.root
      run.showInFull()
      self.syncNames()
      // A run still waiting for the background is read now, so the dashboard shows it at once.
      if !run.caughtUp { _ = self.poll(run, now: .now) }
      self.publish()
    }
  }

  private func round(forceRescan: Bool) {
    let now = ContinuousClock.now
    var changed = !published
    var scanned = false
    if forceRescan || lastScan.map({ now - $0 >= .seconds(configuration.rescanInterval) }) ?? true {
      lastScan = now
      scanned = true
      changed = rescan(now: now) || changed
    }
    var completedAnEpoch = false
    // The selected run first; runs not read to their end yet share the background budget.
    var budget = configuration.backgroundBytesPerRound
    let selected = runs.filter { $0.root == selectedRoot }
    selected.forEach { $0.showInFull() }
    for run in selected + runs.filter({ $0.root != selectedRoot }) {
      let loadsInBackground = run.root != selectedRoot && !run.caughtUp
      if loadsInBackground, let left = budget, left <= 0 { continue }
      let result = poll(run, now: now)
      if loadsInBackground, let left = budget { budget = left - result.bytesRead }
      changed = changed || result.changed
      completedAnEpoch = completedAnEpoch || result.completedAnEpoch
    }
    // A finished epoch may announce it: first look for files that appeared meanwhile (Keras
    // creates `validation/` at the end of the first epoch), so no half of a run is left out.
    if completedAnEpoch && !scanned {
      lastScan = now
      changed = rescan(now: now) || changed
    }
    if settle(all: false, now: now) { changed = true }
    if let selected = runs.first(where: { $0.root == selectedRoot }),
      quietSeconds(of: selected, now: now) != publishedQuiet
    {
      changed = true
    }
    if changed { publish() }
  }

  /// Reads what `run`'s files gained. - Returns: the bytes read, whether anything changed, and
  /// whether a file completed an epoch.
  private func poll(_ run: WatchRun, now: ContinuousClock.Instant) -> (
    bytesRead: Int, changed: Bool, completedAnEpoch: Bool
  ) {
    var bytesRead = 0
    var changed = false
    var completedAnEpoch = false
    for state in run.files {
      let before = state.completedThrough
      defer { completedAnEpoch = completedAnEpoch || state.completedThrough != before }
      var consumed = false
      let poll = state.follower.poll { reason in
        state.reset()
        run.restart()
        let issue = LogIssue(
          path: state.file.path, message: "\(reason); reading it again from the start")
        run.recorder.note(.warning, issue.description)
        onIssue?(issue)
        changed = true
      } consume: { items in
        consumed = consumed || !items.isEmpty
        for issue in state.take(items) {
          run.recorder.note(.warning, issue.description)
          onIssue?(issue)
        }
      }
      bytesRead += poll.bytesRead
      if poll.bytesRead > 0 || consumed {
        run.lastGrowth = now
        changed = true
      }
    }
    if run.loading == nil { run.caughtUp = true }
    return (bytesRead, changed, completedAnEpoch)
  }

  /// Finds new runs and new files of known runs. - Returns: whether anything was added.
  private func rescan(now: ContinuousClock.Instant) -> Bool {
    var added = false
    let known = Dictionary(
      runs.flatMap { $0.files.map { ($0.file.path, $0.file) } },
      uniquingKeysWith: { first, _ in first })
    for found in LogDiscovery.runs(at: path, known: known) {
      if let known = runs.first(where: { $0.root == found.root }) {
        let before = known.files.count
        known.adopt(found)
        added = added || known.files.count != before
      } else {
        let run = WatchRun(found, now: now, options: configuration.recorder)
        run.recorder.note(
          .info, "found run \(found.name) (\(found.files.first?.format.rawValue ?? "?"))")
        runs.append(run)
        added = true
      }
    }
    runs.sort { $0.name < $1.name }
    if selectedRoot == nil { selectedRoot = runs.first?.root }
    if added { syncNames() }
    return added
  }

  /// Announces settled epochs. - Returns: whether any was announced.
  @discardableResult
  private func settle(all: Bool, now: ContinuousClock.Instant) -> Bool {
    var any = false
    for run in runs {
      let quiet = all || now - run.lastGrowth >= .seconds(configuration.settleAfter)
      let through = run.settledThrough()
      for record in run.mergedEpochs() {
        guard quiet || (through.map { record.epoch <= $0 } ?? false) else { break }
        let announced = run.wasAnnounced(record)
        if !announced {
          run.announced[record.epoch] = record.metrics
          onNewEpoch?(run.name, record)
          any = true
        }
        if !announced || run.isNew(record) {
          let decision = run.record(record)
          onDecision?(run.name, decision)
          if let status = run.takeEnd() { onRunEnded?(run.name, status) }
          any = true
        }
      }
    }
    return any
  }

  /// How long `run`'s files have been quiet, for the header; nil while they grow.
  private func quietSeconds(of run: WatchRun, now: ContinuousClock.Instant) -> Double? {
    TrainingProgress.quietSeconds(
      after: (now - run.lastGrowth) / .seconds(1), threshold: configuration.quietAfter)
  }

  private func syncNames() {
    let list = runs.map(\.name)
    let selected = runs.firstIndex { $0.root == selectedRoot }
    names.withLock { $0 = (list, selected) }
  }

  /// Shows the selected run's recorder: its snapshot, with the other runs beside it.
  private func publish() {
    published = true
    guard let selected = runs.first(where: { $0.root == selectedRoot }) else { return }
    let view = WatchSnapshotView(runs: runs, selected: selected)
    let recorder = selected.recorder
    publishedQuiet = quietSeconds(of: selected, now: .now)
    recorder.setQuietSeconds(publishedQuiet)
    recorder.setLoading(selected.loading, lastModification: selected.lastModification)
    recorder.showPending(selected.unrecordedEpochs())
    recorder.describe(view.run)
    recorder.setContext(comparisons: view.comparisons, unmappedScalars: view.unmapped)
    recorder.adopt(
      batchLoss: view.batchLoss, batchAccuracy: view.batchAccuracy,
      batchLearningRate: view.batchLearningRate,
      learningRate: view.learningRate, globalStep: view.globalStep, epochEnds: view.epochEnds)
    recorder.publish(to: link)
  }
}
