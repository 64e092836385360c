/// The result of `dltop diagnose FILE`: the verdicts for a finished log and where early stopping
/// would have fired, as JSON (`--json`) or text.
///
/// JSON shape (keys in this order, `null` for nothing):
/// `{"source", "format", "epochs", "verdict", "verdicts": [{"kind", "onset_epoch", "confidence",
/// "evidence", "advice"}], "early_stop_epoch", "best_epoch"}`; epochs are numbered as in the
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

  /// Diagnoses `log`.
  package init(log: ParsedLog, options: Options = Options()) {
    source = log.path
    format = log.format
    epochs = log.epochs.count
    let classes = options.classCount ?? log.classNames?.count
    let diagnosis = Diagnoser(options: Diagnoser.Options(classCount: classes)).diagnose(log.epochs)
    verdict = diagnosis.label
    verdicts = diagnosis.verdicts
    let hasValidation = log.epochs.contains { $0.validationLoss != nil }
    monitor = options.monitor ?? (hasValidation ? MetricName.validationLoss : MetricName.loss)
    patience = options.patience
    var stopping = EarlyStopping.Options()
    stopping.monitor = monitor
    stopping.patience = options.patience
    let policy = EarlyStopping.replay(log.epochs, options: stopping)
    earlyStopEpoch = policy.stoppedEpoch
    bestEpoch = policy.bestEpoch
    issues = log.issues
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
      ("early_stop_epoch", JSONText.integer(earlyStopEpoch)),
      ("best_epoch", JSONText.integer(bestEpoch)),
    ])
  }

  /// The human-readable report.
  package var text: String {
    var lines = ["\(source) (\(format.rawValue), \(epochs) epoch\(epochs == 1 ? "" : "s"))", "verdict: \(verdict.rawValue)"]
    for item in verdicts {
      let onset = item.onsetEpoch.map { " since epoch \($0)" } ?? ""
      lines.append("  \(item.kind.rawValue)\(onset) (confidence \(EvidenceFormat.percent(item.confidence)))")
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
