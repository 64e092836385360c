/// The result of `dltop diagnose FILE`: the verdicts for a finished log and where early stopping
/// would have fired, as JSON (`--json`) or text.
///
/// JSON shape (keys in this order, `null` for nothing):
/// `{"source", "format", "epochs", "verdict", "verdicts": [{"kind", "onset_epoch", "confidence",
/// "evidence", "advice"}], "timeline": [{"epoch", "verdict"}], "early_stop_epoch", "best_epoch"}`;
/// the timeline lists the verdict's changes only; epochs are numbered as in the
/// source log (a Keras CSV counts from 0).
package struct DiagnoseReport: Sendable, Equatable {
  package struct Options: Sendable, Equatable {
    /// Early stopping's patience (`--patience N`). 20 as in SPEC.md's
    /// `EarlyStopping(monitor='val_loss', min_delta=0, patience=20)`; Keras's own default is 0.
    package var patience = 20
    /// The metric early stopping watches; nil for val_loss when the log has it, else loss.
    package var monitor: String?
    /// The number of classes, for chance-level judgements; nil to take it from the log's class
    /// names when it has them.
    package var classCount: Int?
    package init(patience: Int = 20, monitor: String? = nil, classCount: Int? = nil) {
      self.patience = patience
      self.monitor = monitor
      self.classCount = classCount
    }
  }

  package var source: String
  package var format: LogFormat
  /// How many epochs the log holds.
  package var epochs: Int
  /// The single label: healthy, overfitting, underfitting, divergence, oscillation or plateau.
  package var verdict: VerdictKind
  package var verdicts: [Verdict]
  /// The epoch where early stopping would have stopped the run, if it would have.
  package var earlyStopEpoch: Int?
  /// The best epoch by the monitored metric.
  package var bestEpoch: Int?
  /// The metric early stopping watched.
  package var monitor: String
  package var patience: Int
  /// Rows the reader skipped (shown in the text, not in the JSON).
  package var issues: [LogIssue]

  /// The verdict's changes, oldest first.
  package var timeline: [VerdictChange]
  /// Every epoch as read, for the `"history"` key (`DiagnoseReport+History.swift`).
  package var history: [EpochRecord]
  /// The metrics the log's epochs hold, main ones first (to name them when `--monitor` is unknown).
  package var metricNames: [String]

  /// Diagnoses `log` by replaying it through a `RunRecorder`, as a live run would be recorded.
  package init(log: ParsedLog, options: Options = Options()) {
    let recorder = Self.recorder(
      options: options, classCount: options.classCount ?? log.classNames?.count)
    var confusions: [Int: ConfusionRecord] = [:]
    for confusion in log.confusions { confusions[confusion.epoch] = confusion }
    for record in log.epochs {
      recorder.record(epoch: record, confusion: confusions[record.epoch])
    }
    self.init(
      recorder: recorder, source: log.path, format: log.format, options: options, issues: log.issues
    )
  }

  /// The report of a replayed run.
  package init(
    recorder: RunRecorder, source: String, format: LogFormat, options: Options, issues: [LogIssue]
  ) {
    recorder.finish(status: .finished(reason: "log read"))
    self.source = source
    self.format = format
    epochs = recorder.epochCount
    verdict = recorder.verdict
    verdicts = recorder.verdicts
    timeline = recorder.timeline.changes
    let policy = recorder.earlyStoppingState
    monitor = policy.options.monitor
    patience = options.patience
    earlyStopEpoch = policy.stoppedEpoch
    bestEpoch = policy.bestEpoch
    self.issues = issues
    history = recorder.everyEpoch
    metricNames = MonitorCheck.metricNames(of: recorder.epochs)
  }

  /// A recorder that replays a finished log: advice only, the requested early-stopping policy.
  package static func recorder(options: Options, classCount: Int?) -> RunRecorder {
    var recording = RunRecorder.Options()
    recording.steersRun = false
    recording.monitor = options.monitor
    recording.earlyStopping.patience = options.patience
    recording.classCount = classCount
    recording.keepsEveryEpoch = true
    return RunRecorder(
      run: RunDescription(name: "replay", source: "replay", controllable: false),
      options: recording, elapsed: { 0 })
  }

  /// The `--json` document, one line, keys in the documented order.
  package var json: String {
    let items = verdicts.map { verdict in
      JSONText.object([
        ("kind", JSONText.string(verdict.kind.rawValue)),
        ("onset_epoch", JSONText.integer(verdict.onsetEpoch)),
        ("confidence", JSONText.number((verdict.confidence * 1000).rounded() / 1000)),
        ("evidence", JSONText.string(verdict.evidence)),
        ("advice", JSONText.string(verdict.advice)),
      ])
    }
    return JSONText.object([
      ("source", JSONText.string(source)),
      ("format", JSONText.string(format.rawValue)),
      ("epochs", String(epochs)),
      ("verdict", JSONText.string(verdict.rawValue)),
      ("verdicts", "[" + items.joined(separator: ",") + "]"),
      (
        "timeline",
        "["
          + timeline.map {
            JSONText.object([
              ("epoch", String($0.epoch)), ("verdict", JSONText.string($0.verdict.rawValue)),
            ])
          }.joined(separator: ",") + "]"
      ),
      ("early_stop_epoch", JSONText.integer(earlyStopEpoch)),
      ("best_epoch", JSONText.integer(bestEpoch)),
    ])
  }

  /// The human-readable report.
  package var text: String {
    var lines = [
      "\(source) (\(format.rawValue), \(epochs) epoch\(epochs == 1 ? "" : "s"))",
      "verdict: \(verdict.rawValue)",
    ]
    if timeline.count > 1 {
      lines.append(
        "timeline: "
          + timeline.map { "e\($0.epoch) \($0.verdict.rawValue)" }.joined(separator: " → "))
    }
    for item in verdicts {
      let onset = item.onsetEpoch.map { " since epoch \($0)" } ?? ""
      lines.append(
        "  \(item.kind.rawValue)\(onset) (confidence \(EvidenceFormat.percent(item.confidence)))")
      lines.append("    \(item.evidence)")
      lines.append("    advice: \(item.advice)")
    }
    let stop = earlyStopEpoch.map { "would stop at epoch \($0)" } ?? "would not stop"
    let best = bestEpoch.map { "; best epoch \($0)" } ?? ""
    lines.append("early stopping (\(monitor), patience \(patience)): \(stop)\(best)")
    if !issues.isEmpty {
      lines.append("\(issues.count) problem\(issues.count == 1 ? "" : "s") in the log (skipped):")
      lines += issues.prefix(10).map { "  \($0.description)" }
      if issues.count > 10 { lines.append("  … and \(issues.count - 10) more") }
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
