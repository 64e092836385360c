import Foundation
import Testing

@testable import DLTopMonitor

/// The field corpus (Fixtures/field-corpus, scripts/corpus/PROTOCOL.md): real dltop, PyTorch and
/// Keras runs labelled by how they were made, split once into a tuning and a validation half. The
/// rules were tuned on the tuning half only; these tests pin what they score on the validation
/// half, so a rule change that loses accuracy there fails.
struct FieldCorpusTests {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures")

  static func outcomes(_ half: DiagnosisCorpus.Half) throws -> [DiagnosisCorpus.Outcome] {
    let corpus = try DiagnosisCorpus(fixtures: fixtures)
    return try corpus.runs.filter { $0.half == half }.map {
      try corpus.diagnose($0, everyEpoch: true)
    }
  }

  @Test func theCorpusHasAtLeast150FieldRunsAndTwentyOfEveryLabel() throws {
    let corpus = try DiagnosisCorpus(fixtures: Self.fixtures)
    let field = corpus.runs.filter { $0.file.hasPrefix("field-corpus/") }
    #expect(field.count >= 150)
    #expect(Set(field.map(\.framework)) == ["dltop", "torch", "keras"])
    for label in DiagnosisScorecard.labels {
      #expect(field.filter { $0.label == label }.count >= 20, "\(label.rawValue)")
      for half in DiagnosisCorpus.Half.allCases {
        #expect(
          field.contains { $0.label == label && $0.half == half },
          "\(label.rawValue) in the \(half.rawValue) half")
      }
    }
  }

  @Test func everyRunOfTheSplitIsReadableWithoutIssues() throws {
    let corpus = try DiagnosisCorpus(fixtures: Self.fixtures)
    for run in corpus.runs {
      let log = try LogFileReader.read(path: corpus.folder.appendingPathComponent(run.file).path)
      #expect(log.issues.isEmpty && !log.epochs.isEmpty, "\(run.file)")
    }
  }

  @Test func theValidationHalfScoresWhatThePinnedFiguresSay() throws {
    let card = DiagnosisScorecard(try Self.outcomes(.validation))
    print(card.report(title: "validation half", listMisses: false))
    #expect(
      card.accuracy >= FieldCorpusFigures.validationAccuracy,
      "\(card.report(title: "validation half", listMisses: false))")
    for label in DiagnosisScorecard.labels {
      let recall = try #require(card.recall(label))
      let floor = try #require(FieldCorpusFigures.validationRecall[label])
      #expect(recall >= floor, "recall of \(label.rawValue): \(recall)")
    }
  }

  /// The tuning half's report, printed for whoever tunes a rule (dltop-bench prints both halves).
  /// The tuning half (194/203 = 95.6% when pinned), printed with its misses for whoever tunes a rule.
  @Test func theTuningHalfScoresWhatItDidWhenPinned() throws {
    let card = DiagnosisScorecard(try Self.outcomes(.tuning))
    print(card.report(title: "tuning half"))
    #expect(card.accuracy >= 0.95)
  }

  @Test func noHealthyRunOfEitherHalfIsCalledDivergentOrOverfittingAfterAnyEpoch() throws {
    for half in DiagnosisCorpus.Half.allCases {
      let card = DiagnosisScorecard(try Self.outcomes(half))
      #expect(
        card.healthyFalseAlarms.isEmpty,
        "\(half.rawValue): \(card.healthyFalseAlarms.map(\.run.file))")
    }
  }

  @Test func confidentVerdictsAreRightAtLeastNineTimesInTen() throws {
    let card = DiagnosisScorecard(try Self.outcomes(.validation))
    let sure = card.share(atLeast: 0.8)
    #expect(sure.count >= 20)
    #expect(sure.share >= 0.9, "\(card.report(title: "validation half", listMisses: false))")
  }
}

/// The validation-half figures the current rules reach (dltop-bench --only diagnosis prints them:
/// 113/123 = 91.9%; recall healthy 27/27, overfitting 19/19, underfitting 15/19, divergence 20/20,
/// oscillation 10/16, plateau 22/22; 75 verdicts at confidence ≥ 0.8, all right), rounded down: the
/// floor a rule change must keep. Issue 11 asks for ≥ 95% and ≥ 90% per label: underfitting and
/// oscillation do not reach it yet.
enum FieldCorpusFigures {
  static let validationAccuracy = 0.91
  static let validationRecall: [VerdictKind: Double] = [
    .healthy: 1.0, .overfitting: 1.0, .underfitting: 0.78, .divergence: 1.0, .oscillation: 0.62,
    .plateau: 1.0,
  ]
}
