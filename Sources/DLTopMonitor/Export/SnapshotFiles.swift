import Foundation

/// The text of each snapshot file, from a `TrainingSnapshot`.
package enum SnapshotFiles {
  /// Every epoch and every metric: `epoch`, then the metrics in `MetricOrder`, then `seconds` when
  /// known. Missing values are empty cells; non-finite ones `nan`, `inf`, `-inf` (as Keras writes them).
  package static func metricsCSV(_ epochs: [EpochRecord]) -> String {
    let names = MetricOrder.sorted(epochs.flatMap(\.metrics.keys))
    let timed = epochs.contains { $0.seconds != nil }
    var lines = [(["epoch"] + names + (timed ? ["seconds"] : [])).joined(separator: ",")]
    for record in epochs {
      var cells = [String(record.epoch)]
      cells += names.map { record.metrics[$0].map(csvNumber) ?? "" }
      if timed { cells.append(record.seconds.map(csvNumber) ?? "") }
      lines.append(cells.joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The per-batch loss buckets: `first_step,count,min,mean,max`, steps counted from 0.
  package static func batchesCSV(_ series: BatchSeries) -> String {
    var text = "first_step,count,min,mean,max\n"
    for bucket in series.buckets {
      text +=
        "\(bucket.firstIndex),\(bucket.count),\(csvNumber(bucket.min)),\(csvNumber(bucket.mean)),\(csvNumber(bucket.max))\n"
    }
    return text
  }

  /// `text` without terminal escape sequences (CSI `ESC [ … final`, OSC `ESC ] … BEL`, and lone
  /// `ESC x` pairs), so screen.txt is plain text.
  package static func plainText(_ text: String) -> String {
    guard text.unicodeScalars.contains("\u{1B}") else { return text }
    var out = String.UnicodeScalarView()
    var scalars = text.unicodeScalars.makeIterator()
    while let scalar = scalars.next() {
      guard scalar == "\u{1B}" else {
        out.append(scalar)
        continue
      }
      switch scalars.next() {
      case "[":
        while let next = scalars.next(), !(0x40...0x7E).contains(next.value) {}
      case "]":
        while let next = scalars.next(), next != "\u{07}", next != "\u{1B}" {}
      default:
        break
      }
    }
    return String(out)
  }

  static func csvNumber(_ value: Double) -> String {
    if value.isNaN { return "nan" }
    if value.isInfinite { return value > 0 ? "inf" : "-inf" }
    return "\(value)"
  }

  /// Status, early stopping and every verdict with its evidence and advice.
  package static func diagnosisText(_ snapshot: TrainingSnapshot) -> String {
    let primary: Set<VerdictKind> = [
      .overfitting, .underfitting, .divergence, .oscillation, .plateau,
    ]
    let label = snapshot.verdicts.first { primary.contains($0.kind) }?.kind ?? .healthy
    var lines = ["verdict: \(label.rawValue)", "status: \(snapshot.status.label)", ""]
    if let stopping = snapshot.earlyStopping {
      lines.append(
        "early stopping: \(stopping.enabled ? "on" : "off"), monitor \(stopping.monitor), patience \(stopping.wait)/\(stopping.patience)"
      )
      if let epoch = stopping.bestEpoch {
        lines.append(
          "  best epoch \(epoch)"
            + (stopping.bestValue.map { " (\(stopping.monitor) \(EvidenceFormat.value($0)))" } ?? "")
        )
      }
      if let stopped = stopping.stoppedEpoch { lines.append("  stopped at epoch \(stopped)") }
    } else {
      lines.append("early stopping: off")
    }
    lines.append("")
    if snapshot.verdicts.isEmpty { lines.append("no verdicts yet") }
    for verdict in snapshot.verdicts {
      let onset = verdict.onsetEpoch.map { " since epoch \($0)" } ?? ""
      lines.append(
        "\(verdict.kind.rawValue)\(onset) (confidence \(EvidenceFormat.percent(verdict.confidence)))"
      )
      lines.append("  evidence: \(verdict.evidence)")
      lines.append("  advice: \(verdict.advice)")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The run's identity, progress and every configuration pair, one `key: value` per line.
  package static func configText(_ snapshot: TrainingSnapshot) -> String {
    let run = snapshot.run
    var pairs: [(String, String?)] = [
      ("name", run.name), ("source", run.source), ("format", run.format), ("dataset", run.dataset),
      ("model", run.model), ("optimizer", run.optimizer),
      ("classes", run.classNames?.joined(separator: ", ")),
      ("status", snapshot.status.label),
      (
        "epoch",
        snapshot.progress.totalEpochs.map { "\(snapshot.progress.epoch)/\($0)" }
          ?? String(snapshot.progress.epoch)
      ),
      ("global step", String(snapshot.progress.globalStep)),
    ]
    pairs += run.configuration.map { ($0.key, $0.value) }
    return pairs.compactMap { key, value in value.map { "\(key): \($0)" } }.joined(separator: "\n")
      + "\n"
  }
}
