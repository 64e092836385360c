import Foundation

/// The labelled runs the diagnoser is measured on: `split.tsv` of the field corpus (made by
/// scripts/corpus/split.py), one row per run with its label, framework, class count and half.
///
/// File format (tab-separated, a header row first):
/// `file  label  framework  family  classes  half` — `file` relative to the fixtures folder,
/// `classes` empty for regression, `half` `tuning`, `validation`, `holdout`, `holdout3`, `holdout4`, `holdout5`,
/// `holdout6` or `holdout7`.
package struct DiagnosisCorpus: Sendable {
  /// Which part of the split a run belongs to: the rules are tuned on `tuning` only; `validation`,
  /// `holdout` (field-corpus/holdout-2, made after the validation figures had been seen and
  /// before the rules were changed again) and `holdout3` (field-corpus/holdout-3, made after both
  /// had been scored with two rule sets, committed before the next rule change was scored) only
  /// score them. A held-out set scored once becomes tuning data for the next round: `holdout3`
  /// tuned the fifth round's rules, and `holdout4` (field-corpus/holdout-4, committed before that
  /// round's rules were scored on it) was that round's clean test; it tunes the sixth round's rules,
  /// whose clean test is `holdout5` (field-corpus/holdout-5). `holdout6` (field-corpus/holdout-6)
  /// was the seventh round's clean test and tunes the eighth round's rules; `holdout7`
  /// (field-corpus/holdout-7) was made and committed before any later rule change was scored on it.
  package enum Half: String, Sendable, CaseIterable {
    case tuning
    case validation
    case holdout
    case holdout3
    case holdout4
    case holdout5
    case holdout6
    case holdout7
  }

  /// One labelled run.
  package struct Run: Sendable {
    package var file: String
    package var label: VerdictKind
    package var framework: String
    package var family: String
    package var classCount: Int?
    package var half: Half
  }

  /// One run and what the diagnoser said, at the end and after every epoch.
  package struct Outcome: Sendable {
    package var run: Run
    package var diagnosis: Diagnosis
    /// Labels after epoch 1, 2, … (the last is `diagnosis.label`).
    package var labelsByEpoch: [VerdictKind]
    /// Every verdict kind given after epoch 1, 2, … (primary and secondary).
    package var kindsByEpoch: [Set<VerdictKind>]
    package var correct: Bool { diagnosis.label == run.label }
  }

  package struct FormatError: Error, CustomStringConvertible {
    package var description: String
  }

  /// The folder `file` paths are relative to.
  package var folder: URL
  package var runs: [Run]

  /// Reads `folder/field-corpus/split.tsv`.
  package init(fixtures folder: URL) throws {
    self.folder = folder
    let path = folder.appendingPathComponent("field-corpus/split.tsv")
    let text = try String(contentsOf: path, encoding: .utf8)
    var runs: [Run] = []
    for (index, line) in text.split(separator: "\n").enumerated() where index > 0 {
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      func fail(_ field: String) -> FormatError {
        FormatError(
          description: "\(path.path):\(index + 1): field '\(field)' is missing or invalid")
      }
      guard fields.count >= 6 else { throw fail("half") }
      guard let label = VerdictKind(rawValue: fields[1]) else { throw fail("label") }
      guard let half = Half(rawValue: fields[5]) else { throw fail("half") }
      runs.append(
        Run(
          file: fields[0], label: label, framework: fields[2], family: fields[3],
          classCount: Int(fields[4]), half: half))
    }
    self.runs = runs
  }

  /// Reads and diagnoses `run`: the whole log, and (when `everyEpoch`) each prefix of it.
  package func diagnose(_ run: Run, everyEpoch: Bool = false) throws -> Outcome {
    let log = try LogFileReader.read(path: folder.appendingPathComponent(run.file).path)
    let options = Diagnoser.Options(
      classCount: run.classCount ?? log.classNames?.count, configuration: log.configuration)
    let diagnoser = Diagnoser(options: options)
    let diagnosis = diagnoser.diagnose(log.epochs)
    var labels: [VerdictKind] = []
    var kinds: [Set<VerdictKind>] = []
    if everyEpoch {
      for count in 1..<max(1, log.epochs.count) {
        let partial = diagnoser.diagnose(Array(log.epochs.prefix(count)))
        labels.append(partial.label)
        kinds.append(Set(partial.verdicts.map(\.kind)))
      }
    }
    labels.append(diagnosis.label)
    kinds.append(Set(diagnosis.verdicts.map(\.kind)))
    return Outcome(run: run, diagnosis: diagnosis, labelsByEpoch: labels, kindsByEpoch: kinds)
  }
}
