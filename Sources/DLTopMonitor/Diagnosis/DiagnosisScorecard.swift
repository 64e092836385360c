/// How well the diagnoser labels a set of runs whose true label is known: accuracy, recall per
/// label, the confusion of labels, false alarms on healthy runs, and a reliability table
/// (confidence bucket → share correct). What `dltop-bench --only diagnosis` prints and the corpus
/// tests pin.
package struct DiagnosisScorecard: Sendable {
  /// The six labels a run can have, in report order.
  package static let labels: [VerdictKind] = [
    .healthy, .overfitting, .underfitting, .divergence, .oscillation, .plateau,
  ]

  /// One confidence bucket of the reliability table.
  package struct Bucket: Sendable {
    package var lower: Double
    package var upper: Double
    package var count: Int
    package var correct: Int
    package var share: Double { count == 0 ? .nan : Double(correct) / Double(count) }
  }

  package let outcomes: [DiagnosisCorpus.Outcome]

  package init(_ outcomes: [DiagnosisCorpus.Outcome]) {
    self.outcomes = outcomes
  }

  package var count: Int { outcomes.count }
  package var correct: Int { outcomes.filter(\.correct).count }
  package var accuracy: Double { count == 0 ? .nan : Double(correct) / Double(count) }

  /// Runs labelled `expected` that the diagnoser labelled `diagnosed`.
  package func confusion(expected: VerdictKind, diagnosed: VerdictKind) -> Int {
    outcomes.filter { $0.run.label == expected && $0.diagnosis.label == diagnosed }.count
  }

  /// Share of the runs labelled `label` that got it; nil when there are none.
  package func recall(_ label: VerdictKind) -> Double? {
    let runs = outcomes.filter { $0.run.label == label }
    return runs.isEmpty ? nil : Double(runs.filter(\.correct).count) / Double(runs.count)
  }

  /// Healthy runs given a divergence or overfitting verdict (as the label or a secondary finding)
  /// at the end or after any epoch.
  package var healthyFalseAlarms: [DiagnosisCorpus.Outcome] {
    outcomes.filter { outcome in
      outcome.run.label == .healthy
        && outcome.kindsByEpoch.contains { !$0.isDisjoint(with: [.divergence, .overfitting]) }
    }
  }

  /// The confidence of the label's verdict.
  static func confidence(_ outcome: DiagnosisCorpus.Outcome) -> Double {
    outcome.diagnosis.verdicts.first { $0.kind == outcome.diagnosis.label }?.confidence ?? 0
  }

  /// Verdicts given with confidence ≥ `threshold`, and the share of them that were right.
  package func share(atLeast threshold: Double) -> (count: Int, share: Double) {
    let sure = outcomes.filter { Self.confidence($0) >= threshold }
    return (
      sure.count, sure.isEmpty ? .nan : Double(sure.filter(\.correct).count) / Double(sure.count)
    )
  }

  /// Buckets [0, 0.5), [0.5, 0.6), …, [0.9, 1].
  package var reliability: [Bucket] {
    let edges = [0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0001]
    return zip(edges, edges.dropFirst()).map { lower, upper in
      let inside = outcomes.filter { (lower..<upper).contains(Self.confidence($0)) }
      return Bucket(
        lower: lower, upper: min(1, upper), count: inside.count,
        correct: inside.filter(\.correct).count)
    }
  }

  /// The report: accuracy, recall per label, confusion, reliability, false alarms, misses.
  package func report(title: String, listMisses: Bool = true) -> String {
    func percent(_ value: Double?) -> String {
      guard let value, value.isFinite else { return "  –  " }
      let text = String(Int((value * 100).rounded())) + "%"
      return String(repeating: " ", count: max(0, 5 - text.count)) + text
    }
    func pad(_ text: String, _ width: Int) -> String {
      text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
    var lines = [
      "\(title): \(correct)/\(count) correct (\(percent(accuracy).trimmingCharacters(in: .whitespaces)))"
    ]
    lines.append(
      "  recall  "
        + Self.labels.map { "\(String($0.rawValue.prefix(5))) \(percent(recall($0)))" }.joined(
          separator: "  "))
    lines.append(
      "  " + pad("expected \\ diagnosed", 22)
        + Self.labels.map { pad(String($0.rawValue.prefix(5)), 6) }.joined() + "other")
    for expected in Self.labels {
      let row = Self.labels.map { pad(String(confusion(expected: expected, diagnosed: $0)), 6) }
        .joined()
      let other = outcomes.filter {
        $0.run.label == expected && !Self.labels.contains($0.diagnosis.label)
      }.count
      lines.append("  " + pad(expected.rawValue, 22) + row + String(other))
    }
    lines.append(
      "  reliability (confidence → share correct): "
        + reliability.filter { $0.count > 0 }.map {
          "[\(String(format: "%.1f", $0.lower)),\(String(format: "%.1f", $0.upper))) \($0.correct)/\($0.count)"
        }.joined(separator: "  "))
    let sure = share(atLeast: 0.8)
    lines.append(
      "  confidence ≥ 0.8: \(sure.count) verdicts, \(percent(sure.share).trimmingCharacters(in: .whitespaces)) right"
    )
    lines.append(
      "  healthy runs called divergent or overfitting (at the end or after any epoch): \(healthyFalseAlarms.count)"
    )
    if listMisses {
      for miss in outcomes where !miss.correct {
        let first =
          miss.diagnosis.verdicts.first.map {
            "\($0.kind.rawValue) \(percent($0.confidence).trimmingCharacters(in: .whitespaces)): \($0.evidence)"
          } ?? ""
        lines.append(
          "  MISS \(miss.run.file): \(miss.run.label.rawValue) → \(miss.diagnosis.label.rawValue) — \(first)"
        )
      }
      for alarm in healthyFalseAlarms {
        let epoch =
          (alarm.kindsByEpoch.firstIndex { !$0.isDisjoint(with: [.divergence, .overfitting]) } ?? 0)
          + 1
        lines.append("  ALARM \(alarm.run.file) after epoch \(epoch)")
      }
    }
    return lines.joined(separator: "\n")
  }
}
