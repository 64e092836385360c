import Foundation
import Testing

@testable import DLTopMonitor

/// The field corpus (Fixtures/field-corpus, scripts/corpus/PROTOCOL.md): real dltop, PyTorch and
/// Keras runs labelled by how they were made, split once into a tuning and a validation half, plus a
/// second held-out set (field-corpus/holdout-2: new recipes and seeds, committed before the rules
/// were changed again). The rules were tuned on the tuning half only; these tests pin what they
/// score on the validation half and on the held-out set, so a rule change that loses accuracy
/// there fails.
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
    let field = corpus.runs.filter { $0.file.hasPrefix("field-corpus/") && $0.half != .holdout }
    #expect(field.count >= 150)
    #expect(Set(field.map(\.framework)) == ["dltop", "torch", "keras"])
    for label in DiagnosisScorecard.labels {
      #expect(field.filter { $0.label == label }.count >= 20, "\(label.rawValue)")
      for half in [DiagnosisCorpus.Half.tuning, .validation] {
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
    #expect(card.share(atLeast: 0.8).share >= FieldCorpusFigures.validationConfidentShare)
  }

  /// The held-out set: every label, made by the same protocol with recipes and seeds no other run
  /// uses; scored once, after the rules were last changed.
  @Test func theHeldOutSetScoresWhatThePinnedFiguresSay() throws {
    let corpus = try DiagnosisCorpus(fixtures: Self.fixtures)
    #expect(
      Set(corpus.runs.filter { $0.half == .holdout }.map(\.label))
        == Set(DiagnosisScorecard.labels))
    let card = DiagnosisScorecard(try Self.outcomes(.holdout))
    print(card.report(title: "held-out set", listMisses: false))
    #expect(card.count >= FieldCorpusFigures.holdoutRuns)
    #expect(card.accuracy >= FieldCorpusFigures.holdoutAccuracy)
    for label in DiagnosisScorecard.labels {
      let recall = try #require(card.recall(label))
      let floor = try #require(FieldCorpusFigures.holdoutRecall[label])
      #expect(recall >= floor, "held-out recall of \(label.rawValue): \(recall)")
    }
  }

  /// The tuning half, printed with its misses for whoever tunes a rule: the whole half, and the
  /// first tuning half alone (without the second tuning pool, field-corpus/tuning-2).
  @Test func theTuningHalfScoresWhatItDidWhenPinned() throws {
    let outcomes = try Self.outcomes(.tuning)
    let card = DiagnosisScorecard(outcomes)
    print(card.report(title: "tuning half"))
    #expect(card.accuracy >= FieldCorpusFigures.tuningAccuracy)
    #expect(try #require(card.recall(.oscillation)) >= FieldCorpusFigures.tuningOscillationRecall)
    let first = DiagnosisScorecard(
      outcomes.filter { !$0.run.file.hasPrefix("field-corpus/tuning-2/") })
    print(first.report(title: "first tuning half (without tuning-2)", listMisses: false))
    #expect(first.accuracy >= FieldCorpusFigures.firstTuningAccuracy)
  }

  @Test func noHealthyRunOfEitherHalfIsCalledDivergentOrOverfittingAfterAnyEpoch() throws {
    for half in DiagnosisCorpus.Half.allCases {
      let card = DiagnosisScorecard(try Self.outcomes(half))
      #expect(
        card.healthyFalseAlarms.isEmpty,
        "\(half.rawValue): \(card.healthyFalseAlarms.map(\.run.file))")
    }
  }

  @Test(arguments: [DiagnosisCorpus.Half.validation, .holdout])
  func confidentVerdictsAreRightAtLeastNineTimesInTen(_ half: DiagnosisCorpus.Half) throws {
    let card = DiagnosisScorecard(try Self.outcomes(half))
    let sure = card.share(atLeast: 0.8)
    #expect(sure.count >= 20)
    #expect(sure.share >= 0.9, "\(card.report(title: half.rawValue, listMisses: false))")
  }
}

/// The figures the current rules reach (dltop-bench --only diagnosis prints them), rounded down:
/// the floor a rule change must keep.
/// - tuning half (the first tuning half and the second tuning pool, field-corpus/tuning-2):
///   260/277 = 93.9%, oscillation 50/60; the first tuning half alone 198/203 = 97.5%.
/// - validation half (scored once, after the oscillation rules of the third session were final):
///   115/123 = 93.5%; recall healthy 27/27, overfitting 19/19, underfitting 18/19, divergence
///   16/20, oscillation 13/16, plateau 22/22; 74 verdicts at confidence ≥ 0.8, 71 right (96%).
///   Below issue 11's goals: overall 95%, divergence and oscillation 90% per label. (Before that
///   session: 118/123, divergence 20/20, oscillation 12/16, 75 confident verdicts all right.)
/// - held-out set (holdout-2, scored once after the last rule change): 80/82 = 97.6%; recall
///   healthy 17/17, overfitting 12/13, underfitting 11/12, divergence 16/16, oscillation 9/9,
///   plateau 15/15; 47 verdicts at confidence ≥ 0.8, all right.
enum FieldCorpusFigures {
  static let tuningAccuracy = 0.93
  static let tuningOscillationRecall = 0.83
  static let firstTuningAccuracy = 0.97
  static let validationAccuracy = 0.93
  static let validationRecall: [VerdictKind: Double] = [
    .healthy: 1.0, .overfitting: 1.0, .underfitting: 0.94, .divergence: 0.8, .oscillation: 0.81,
    .plateau: 1.0,
  ]
  static let validationConfidentShare = 0.95
  static let holdoutRuns = 82
  static let holdoutAccuracy = 0.97
  static let holdoutRecall: [VerdictKind: Double] = [
    .healthy: 1.0, .overfitting: 0.92, .underfitting: 0.91, .divergence: 1.0, .oscillation: 1.0,
    .plateau: 1.0,
  ]
}
