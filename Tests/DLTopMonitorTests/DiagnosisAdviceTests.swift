import Foundation
import Testing

@testable import DLTopMonitor

/// Advice never points the wrong way and names what the run is not already doing (issue 11).
struct DiagnosisAdviceTests {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures")

  /// The repository's Keras log whose loss sits at 9.5× ln 3 from epoch 0, read without a class
  /// count (as `dltop diagnose` reads a CSV): K is inferred from the accuracy at 1/3, and the run is
  /// divergence, never a plateau told to raise η.
  @Test(arguments: 0...2)
  func aSaturatedKerasRunIsDivergenceWithoutAClassCount(seed: Int) throws {
    let log = try LogFileReader.read(
      path: Self.fixtures.appendingPathComponent("keras-runs/divergence-spirals-\(seed).csv").path)
    let report = DiagnoseReport(log: log)
    #expect(report.verdict == .divergence, "\(report.verdicts.map(\.evidence))")
    #expect(!report.verdicts.contains { $0.advice.contains("raise the learning rate") })
  }

  /// No divergent run of the field corpus is ever told to raise η.
  @Test func divergentRunsAreNeverToldToRaiseTheLearningRate() throws {
    let corpus = try DiagnosisCorpus(fixtures: Self.fixtures)
    for run in corpus.runs where run.label == .divergence {
      let outcome = try corpus.diagnose(run)
      #expect(
        !outcome.diagnosis.verdicts.contains { $0.advice.contains("raise the learning rate") },
        "\(run.file)")
    }
  }

  @Test func aRunThatAlreadyUsesHeIsNotToldToUseHe() {
    let he = Diagnoser.Options(
      classCount: 10,
      configuration: [
        .init("init", "auto"), .init("activation", "relu"), .init("optimizer", "adam"),
      ])
    #expect(he.usesHeInitialization)
    #expect(!Advice.text(for: .deadReLU, given: he).contains("He"))
    #expect(!Advice.text(for: .plateau, given: he).contains("He"))
    #expect(!Advice.text(for: .plateau, given: he).contains("switch to Adam"))
    let sigmoid = Diagnoser.Options(
      classCount: 10, configuration: [.init("init", "xavier"), .init("activation", "sigmoid")])
    #expect(!sigmoid.usesHeInitialization)
    #expect(
      Advice.text(for: .vanishingGradients, given: sigmoid).contains("ReLU instead of sigmoid/tanh")
    )
    #expect(
      Advice.text(for: .deadReLU, given: Diagnoser.Options(classCount: 10)).contains(
        "use He initialization"))
  }

  /// The digits CNN at 99.6% val accuracy with 63–77% of its ReLUs silent: a network that
  /// learns that well is not told it has dead ReLUs.
  @Test func manySilentReLUsInANetworkThatLearnsWellAreNoFinding() {
    let records = (1...10).map { epoch in
      let t = Double(epoch)
      return EpochRecord(
        epoch: epoch,
        metrics: [
          "loss": 0.5 * exp(-t / 3) + 0.01, "val_loss": 0.5 * exp(-t / 3) + 0.02,
          "accuracy": 0.999 - 0.2 * exp(-t / 2), "val_accuracy": 0.996 - 0.2 * exp(-t / 2),
          "dead_relu": 0.63 + 0.014 * t,
        ])
    }
    let diagnosis = Diagnoser(options: .init(classCount: 10)).diagnose(records)
    #expect(diagnosis.label == .healthy)
    #expect(!diagnosis.verdicts.contains { $0.kind == .deadReLU })
  }
}
