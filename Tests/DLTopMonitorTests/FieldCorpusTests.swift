import Foundation
import Testing

@testable import DLTopMonitor

/// The field corpus (Fixtures/field-corpus, scripts/corpus/PROTOCOL.md): real dltop, PyTorch and
/// Keras runs labelled by how they were made, split once into a tuning and a validation half, plus
/// five held-out sets (field-corpus/holdout-2 to holdout-6: new recipes and seeds, each committed
/// before the rules were changed again; a held-out set scored once is tuning data for the next
/// round, as holdout-3 was for the fifth, holdout-4 for the sixth and holdout-5 for the seventh).
/// The rules were tuned on the tuning data only; these tests pin what they score on the validation
/// half and on the held-out sets, so a rule change that loses accuracy there fails.
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
    let field = corpus.runs.filter {
      $0.file.hasPrefix("field-corpus/") && ($0.half == .tuning || $0.half == .validation)
    }
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

  /// The held-out sets: every label, made by the same protocol with recipes and seeds no other run
  /// uses, each committed before a round's rules were scored on it and scored once, after they were
  /// final — holdout-2 (new data sets and recipes), holdout-3 (more oscillation and blow-up
  /// divergence runs), holdout-4 (oscillation families, mild flickering overfitting, healthy runs
  /// whose val_loss bumps and recovers), holdout-5 (36 oscillation runs, three new data sets),
  /// holdout-6 (three more new data sets, among them noisy and barely separable ones).
  @Test(arguments: FieldCorpusFigures.heldOut)
  func theHeldOutSetsScoreWhatThePinnedFiguresSay(_ pins: FieldCorpusFigures.HeldOut) throws {
    let corpus = try DiagnosisCorpus(fixtures: Self.fixtures)
    #expect(
      Set(corpus.runs.filter { $0.half == pins.half }.map(\.label))
        == Set(DiagnosisScorecard.labels))
    let card = DiagnosisScorecard(try Self.outcomes(pins.half))
    print(card.report(title: pins.half.rawValue, listMisses: false))
    #expect(card.count >= pins.runs)
    #expect(card.accuracy >= pins.accuracy)
    for label in DiagnosisScorecard.labels {
      let recall = try #require(card.recall(label))
      let floor = try #require(pins.recall[label])
      #expect(recall >= floor, "\(pins.half.rawValue) recall of \(label.rawValue): \(recall)")
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

  /// None on any half. (Holdout-3, scored once after the fourth session's rules were final, held
  /// one: a Keras Nesterov run on Fashion-MNIST whose val_loss rose 20% over four epochs and then
  /// reached a new minimum, called overfitting after epochs 8–10; the fifth session's rules, tuned
  /// with holdout-3 as tuning data, wait EarlyStopping's usual 5 epochs.)
  @Test func noHealthyRunIsCalledDivergentOrOverfittingAfterAnyEpoch() throws {
    for half in DiagnosisCorpus.Half.allCases {
      let card = DiagnosisScorecard(try Self.outcomes(half))
      let alarms = card.healthyFalseAlarms.map(\.run.file)
      #expect(alarms.isEmpty, "\(half.rawValue): \(alarms)")
    }
  }

  @Test(arguments: [
    DiagnosisCorpus.Half.validation, .holdout, .holdout3, .holdout4, .holdout5, .holdout6,
    .holdout7,
  ])
  func confidentVerdictsAreRightAtLeastNineTimesInTen(_ half: DiagnosisCorpus.Half) throws {
    let card = DiagnosisScorecard(try Self.outcomes(half))
    let sure = card.share(atLeast: 0.8)
    #expect(sure.count >= 20)
    #expect(sure.share >= 0.9, "\(card.report(title: half.rawValue, listMisses: false))")
  }
}

/// The figures the current rules reach (dltop-bench --only diagnosis prints them), rounded down:
/// the floor a rule change must keep. The eighth session's rules (tuned on the tuning half and
/// holdout-3 to holdout-6 only), scored once after they were final (PROTOCOL.md section 14):
/// - tuning half (the first tuning half and the second tuning pool, field-corpus/tuning-2):
///   294/307 = 95.8%, divergence 71/71, oscillation 53/60; the first tuning half alone
///   ≥ 98%.
/// - validation half: 119/123 = 96.7%; recall healthy 27/27, overfitting 19/19, underfitting
///   18/19, divergence 20/20, oscillation 13/16, plateau 22/22; 75 verdicts at confidence ≥ 0.8,
///   all right (unchanged since the fourth session). Oscillation is below issue 11's 90% per label.
/// - holdout-2: 80/82 = 97.6%; 48 verdicts at confidence ≥ 0.8, all right.
/// - holdout-3 (tuning data since the fifth session): 109/112 = 97.3%.
/// - holdout-4 (tuning data since the sixth session): 94/95 = 98.9%.
/// - holdout-5 (tuning data since the seventh session): 124/132 = 93.9%.
/// - holdout-6 (scored once in the seventh session, 98/116; tuning data since): 102/116 = 87.9%.
/// - holdout-7 (never scored before): 105/118 = 89.0%; recall healthy 17/19, overfitting 13/18,
///   underfitting 19/21, divergence 18/18, oscillation 17/21, plateau 21/21; 68 of 75 verdicts at
///   confidence ≥ 0.8 right; no healthy run called divergent or overfitting.
enum FieldCorpusFigures {
  static let tuningAccuracy = 0.95
  static let tuningOscillationRecall = 0.88
  static let firstTuningAccuracy = 0.98
  static let validationAccuracy = 0.96
  static let validationRecall: [VerdictKind: Double] = [
    .healthy: 1.0, .overfitting: 1.0, .underfitting: 0.94, .divergence: 1.0, .oscillation: 0.81,
    .plateau: 1.0,
  ]
  static let validationConfidentShare = 1.0

  /// One held-out set's floors.
  struct HeldOut: Sendable, CustomTestStringConvertible {
    var half: DiagnosisCorpus.Half
    var runs: Int
    var accuracy: Double
    var recall: [VerdictKind: Double]
    var testDescription: String { half.rawValue }
  }

  static let heldOut = [
    HeldOut(
      half: .holdout, runs: 82, accuracy: 0.97,
      recall: [
        .healthy: 1.0, .overfitting: 0.92, .underfitting: 0.91, .divergence: 1.0,
        .oscillation: 1.0, .plateau: 1.0,
      ]),
    HeldOut(
      half: .holdout3, runs: 112, accuracy: 0.97,
      recall: [
        .healthy: 1.0, .overfitting: 0.86, .underfitting: 0.93, .divergence: 1.0,
        .oscillation: 1.0, .plateau: 1.0,
      ]),
    HeldOut(
      half: .holdout4, runs: 95, accuracy: 0.98,
      recall: [
        .healthy: 1.0, .overfitting: 0.94, .underfitting: 1.0, .divergence: 1.0,
        .oscillation: 1.0, .plateau: 1.0,
      ]),
    HeldOut(
      half: .holdout5, runs: 132, accuracy: 0.93,
      recall: [
        .healthy: 1.0, .overfitting: 0.95, .underfitting: 0.77, .divergence: 0.95,
        .oscillation: 0.94, .plateau: 1.0,
      ]),
    HeldOut(
      half: .holdout6, runs: 116, accuracy: 0.87,
      recall: [
        .healthy: 0.8, .overfitting: 0.93, .underfitting: 0.7, .divergence: 1.0,
        .oscillation: 0.87, .plateau: 1.0,
      ]),
    HeldOut(
      half: .holdout7, runs: 118, accuracy: 0.88,
      recall: [
        .healthy: 0.89, .overfitting: 0.72, .underfitting: 0.9, .divergence: 1.0,
        .oscillation: 0.8, .plateau: 1.0,
      ]),
  ]
}
