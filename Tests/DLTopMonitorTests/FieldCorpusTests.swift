import Foundation
import Testing

@testable import DLTopMonitor

/// The field corpus (Fixtures/field-corpus, scripts/corpus/PROTOCOL.md): real dltop, PyTorch and
/// Keras runs labelled by how they were made, split once into a tuning and a validation half. The
/// rules were tuned on the tuning half only; these tests pin what they score on the validation
/// half, so a rule change that loses accuracy there fails.
struct FieldCorpusTests {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

  static func outcomes(_ half: DiagnosisCorpus.Half) throws -> [DiagnosisCorpus.Outcome] {
    let corpus = try DiagnosisCorpus(fixtures: fixtures)
    return try corpus.runs.filter { $0.half == half }.map { try corpus.diagnose($0, everyEpoch: true) }
  }

  @Test func theCorpusHasAtLeast150FieldRunsAndTwentyOfEveryLabel() throws {
    let corpus = try DiagnosisCorpus(fixtures: Self.fixtures)
    let field = corpus.runs.filter { $0.file.hasPrefix("field-corpus/") }
    #expect(field.count >= 150)
    #expect(Set(field.map(\.framework)) == ["dltop", "torch", "keras"])
    for label in DiagnosisScorecard.labels {
      #expect(field.filter { $0.label == label }.count >= 20, "\(label.rawValue)")
      for half in DiagnosisCorpus.Half.allCases {
        #expect(field.contains { $0.label == label && $0.half == half }, "\(label.rawValue) in the \(half.rawValue) half")
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
    #expect(card.accuracy >= FieldCorpusFigures.validationAccuracy, "\(card.report(title: "validation half", listMisses: false))")
    for label in DiagnosisScorecard.labels {
      let recall = try #require(card.recall(label))
      #expect(recall >= FieldCorpusFigures.validationRecall, "recall of \(label.rawValue): \(recall)")
    }
  }

  /// The tuning half's report, printed for whoever tunes a rule (dltop-bench prints both halves).
  @Test func theTuningHalfScoresAtLeastTheValidationFloor() throws {
    let card = DiagnosisScorecard(try Self.outcomes(.tuning))
    print(card.report(title: "tuning half"))
    #expect(card.accuracy >= FieldCorpusFigures.validationAccuracy - 0.05)
  }

  @Test func noHealthyRunOfEitherHalfIsCalledDivergentOrOverfittingAfterAnyEpoch() throws {
    for half in DiagnosisCorpus.Half.allCases {
      let card = DiagnosisScorecard(try Self.outcomes(half))
      #expect(card.healthyFalseAlarms.isEmpty, "\(half.rawValue): \(card.healthyFalseAlarms.map(\.run.file))")
    }
  }

  @Test func confidentVerdictsAreRightAtLeastNineTimesInTen() throws {
    let card = DiagnosisScorecard(try Self.outcomes(.validation))
    let sure = card.share(atLeast: 0.8)
    #expect(sure.count >= 20)
    #expect(sure.share >= 0.9, "\(card.report(title: "validation half", listMisses: false))")
  }
}

/// The validation-half figures the current rules reach (dltop-bench --only diagnosis prints them),
/// rounded down: the floor a rule change must keep.
enum FieldCorpusFigures {
  static let validationAccuracy = 0.95
  static let validationRecall = 0.9
}
