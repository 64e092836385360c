import Foundation
import Testing

@testable import DLTopMonitor

/// The labelled corpus of real dltop training runs (Fixtures/diagnosis-corpus, made by
/// make_corpus.sh): each run log is read through the run-log reader and diagnosed, and the label a
/// careful person gave it (corpus.tsv) is compared with the diagnoser's.
struct DiagnosisCorpusTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/diagnosis-corpus")

  /// One labelled run of the manifest.
  struct Case {
    var file: String
    var expected: VerdictKind
  }

  /// One diagnosed run.
  struct Outcome {
    var file: String
    var expected: VerdictKind
    var diagnosis: Diagnosis
    var correct: Bool { diagnosis.label == expected }
  }

  static func cases() throws -> [Case] {
    let manifest = try String(
      contentsOf: folder.appendingPathComponent("corpus.tsv"), encoding: .utf8)
    var cases: [Case] = []
    for (index, line) in manifest.split(separator: "\n").enumerated() where index > 0 {
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      guard fields.count >= 2, let kind = VerdictKind(rawValue: fields[1]) else {
        throw CorpusError(
          message:
            "corpus.tsv:\(index + 1): field 'label': '\(fields.count > 1 ? fields[1] : "")' is not a verdict"
        )
      }
      cases.append(Case(file: fields[0], expected: kind))
    }
    return cases
  }

  static func diagnose(_ item: Case) throws -> Outcome {
    let log = try LogFileReader.read(path: folder.appendingPathComponent(item.file).path)
    guard log.issues.isEmpty, log.format == .dltopRunLog else {
      throw CorpusError(
        message: "\(item.file): \(log.issues.map(\.description).joined(separator: "; "))")
    }
    let classCount = log.classNames.map(\.count)
    let diagnoser = Diagnoser(options: Diagnoser.Options(classCount: classCount))
    return Outcome(
      file: item.file, expected: item.expected, diagnosis: diagnoser.diagnose(log.epochs))
  }

  /// Rows of expected labels, columns of diagnosed labels, then every miss with its first verdict.
  static func report(_ outcomes: [Outcome]) -> String {
    let kinds: [VerdictKind] = [
      .healthy, .overfitting, .underfitting, .divergence, .oscillation, .plateau,
    ]
    var lines = [
      "expected \\ diagnosed  "
        + kinds.map {
          String($0.rawValue.prefix(5)).padding(toLength: 6, withPad: " ", startingAt: 0)
        }.joined()
    ]
    for expected in kinds {
      let row = kinds.map { diagnosed in
        String(outcomes.filter { $0.expected == expected && $0.diagnosis.label == diagnosed }.count)
          .padding(toLength: 6, withPad: " ", startingAt: 0)
      }
      lines.append(
        expected.rawValue.padding(toLength: 22, withPad: " ", startingAt: 0) + row.joined())
    }
    for miss in outcomes where !miss.correct {
      let first = miss.diagnosis.verdicts.first.map { "\($0.kind.rawValue): \($0.evidence)" } ?? ""
      lines.append(
        "MISS \(miss.file): expected \(miss.expected.rawValue), got \(miss.diagnosis.label.rawValue) — \(first)"
      )
    }
    return lines.joined(separator: "\n")
  }

  @Test func theCorpusHasAtLeastSixRunsOfEveryLabel() throws {
    let cases = try Self.cases()
    #expect(cases.count >= 36)
    for kind: VerdictKind in [
      .healthy, .overfitting, .underfitting, .divergence, .oscillation, .plateau,
    ] {
      #expect(cases.filter { $0.expected == kind }.count >= 6, "label \(kind.rawValue)")
    }
  }

  @Test func realRunsAreDiagnosedWithAtLeastNinetyPercentAccuracy() throws {
    let outcomes = try Self.cases().map(Self.diagnose)
    let accuracy = Double(outcomes.filter(\.correct).count) / Double(max(1, outcomes.count))
    print(
      "diagnosis corpus: \(outcomes.filter(\.correct).count)/\(outcomes.count) correct (\(EvidenceFormat.accuracy(accuracy)))\n\(Self.report(outcomes))"
    )
    #expect(accuracy >= 0.9, "\(Self.report(outcomes))")
  }

  /// Not as the label, nor as a secondary verdict.
  @Test func noHealthyRunIsCalledDivergentOrOverfitting() throws {
    let outcomes = try Self.cases().filter { $0.expected == .healthy }.map(Self.diagnose)
    #expect(outcomes.count >= 6)
    let wrong = outcomes.filter {
      $0.diagnosis.verdicts.contains { [.divergence, .overfitting].contains($0.kind) }
    }
    #expect(wrong.isEmpty, "\(Self.report(wrong))")
  }

  /// The dashboard diagnoses after every epoch, so a healthy run must not be called divergent or
  /// overfitting part-way through either.
  @Test func noHealthyRunIsCalledDivergentOrOverfittingAfterAnyEpoch() throws {
    var flagged: [String] = []
    for item in try Self.cases() where item.expected == .healthy {
      let log = try LogFileReader.read(path: Self.folder.appendingPathComponent(item.file).path)
      let diagnoser = Diagnoser(options: Diagnoser.Options(classCount: log.classNames.map(\.count)))
      for count in 1...log.epochs.count {
        let diagnosis = diagnoser.diagnose(Array(log.epochs.prefix(count)))
        if diagnosis.verdicts.contains(where: { [.divergence, .overfitting].contains($0.kind) }) {
          flagged.append(
            "\(item.file) after epoch \(count): \(diagnosis.verdicts.first?.evidence ?? "")")
          break
        }
      }
    }
    #expect(flagged.isEmpty, "\(flagged.joined(separator: "\n"))")
  }

  /// A run still improving fast is not underfitting (digits at epoch 7 once was: train error 12.7%
  /// with the loss falling ~20% an epoch), nor is any healthy run labelled otherwise part-way
  /// (before `minimumEpochs` epochs it is too early to tell).
  @Test func healthyRunsAreLabelledHealthyAfterEveryEpoch() throws {
    var mislabelled: [String] = []
    for item in try Self.cases() where item.expected == .healthy {
      let log = try LogFileReader.read(path: Self.folder.appendingPathComponent(item.file).path)
      let diagnoser = Diagnoser(options: Diagnoser.Options(classCount: log.classNames.map(\.count)))
      for count in 1...log.epochs.count {
        let diagnosis = diagnoser.diagnose(Array(log.epochs.prefix(count)))
        let expected: VerdictKind = count < DiagnosisThresholds.minimumEpochs ? .tooEarly : .healthy
        if diagnosis.label != expected {
          mislabelled.append(
            "\(item.file) after epoch \(count): \(diagnosis.verdicts.first?.evidence ?? "")")
          break
        }
      }
    }
    #expect(mislabelled.isEmpty, "\(mislabelled.joined(separator: "\n"))")
  }
}

/// A corpus file that cannot be used, with its name.
struct CorpusError: Error, CustomStringConvertible {
  var message: String
  var description: String { message }
}
