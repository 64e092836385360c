import DLTopMonitor
import Foundation

/// How often the diagnoser gives the right label on the field corpus (scripts/corpus/PROTOCOL.md):
/// accuracy, recall per label, confusion, reliability and false alarms on healthy runs, for the
/// tuning half, the validation half and the held-out sets (holdout-2 to holdout-7), overall and by
/// framework and label. The full tables go to stderr (by name only the misses of the data the
/// rules are tuned on — the tuning half and holdout-3 to holdout-6, each scored once in an earlier
/// round and tuning data since; no other half's); the headline figures into the report.
enum DiagnosisAccuracyBench {
  /// The repository's fixtures folder, found from this source file's path.
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../Tests/DLTopMonitorTests/Fixtures").standardized

  /// The halves the rules are tuned on, whose misses are listed by name.
  static let tunedOn: Set<DiagnosisCorpus.Half> = [
    .tuning, .holdout3, .holdout4, .holdout5, .holdout6,
  ]

  /// Scores `halves` (all of them unless told).
  static func measure(halves: [DiagnosisCorpus.Half] = DiagnosisCorpus.Half.allCases) -> [String:
    Any]
  {
    let corpus: DiagnosisCorpus
    do {
      corpus = try DiagnosisCorpus(fixtures: fixtures)
    } catch {
      return ["error": "\(error)"]
    }
    var figures: [String: Any] = [:]
    var text: [String] = []
    for half in halves {
      let outcomes = corpus.runs.filter { $0.half == half }.compactMap {
        try? corpus.diagnose($0, everyEpoch: true)
      }
      let card = DiagnosisScorecard(outcomes)
      text.append(card.report(title: "\(half.rawValue) half", listMisses: tunedOn.contains(half)))
      var section: [String: Any] = [
        "runs": card.count, "accuracy": card.accuracy,
        "healthy_false_alarms": card.healthyFalseAlarms.count,
        "confident_verdicts": card.share(atLeast: 0.8).count,
        "confident_share_correct": card.share(atLeast: 0.8).share,
      ]
      for label in DiagnosisScorecard.labels {
        section["recall_\(label.rawValue)"] = card.recall(label) ?? Double.nan
      }
      for framework in Set(outcomes.map(\.run.framework)).sorted() {
        let part = DiagnosisScorecard(outcomes.filter { $0.run.framework == framework })
        section["accuracy_\(framework)"] = part.accuracy
        section["runs_\(framework)"] = part.count
        let recalls = DiagnosisScorecard.labels.compactMap { label -> String? in
          let runs = part.outcomes.filter { $0.run.label == label }
          guard !runs.isEmpty else { return nil }
          return "\(label.rawValue.prefix(5)) \(runs.filter(\.correct).count)/\(runs.count)"
        }
        text.append(
          "  \(half.rawValue) half, \(framework): \(part.correct)/\(part.count) correct ("
            + recalls.joined(separator: ", ") + ")")
      }
      figures[half.rawValue] = section
    }
    FileHandle.standardError.write(Data((text.joined(separator: "\n") + "\n").utf8))
    return figures
  }
}
