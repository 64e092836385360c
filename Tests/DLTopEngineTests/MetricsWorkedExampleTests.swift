import Testing

@testable import DLTopEngine

/// The worked examples of SPEC.md "Metrics" (lecture notes seeds 000 and 001), reproduced exactly.
struct MetricsWorkedExampleTests {
  /// TP 100, FN 30, FP 70, TN 800 as a 2×2 matrix with class 1 = positive.
  private var example: ConfusionMatrix {
    var matrix = ConfusionMatrix(classCount: 2)
    for _ in 0..<100 { matrix.add(truth: 1, predicted: 1) }
    for _ in 0..<30 { matrix.add(truth: 1, predicted: 0) }
    for _ in 0..<70 { matrix.add(truth: 0, predicted: 1) }
    for _ in 0..<800 { matrix.add(truth: 0, predicted: 0) }
    return matrix
  }

  @Test func confusionMatrixGivesTheNotesCounts() {
    let counts = example.binaryCounts(positive: 1)
    #expect(
      counts
        == BinaryCounts(
          truePositives: 100, falsePositives: 70, falseNegatives: 30, trueNegatives: 800))
    #expect(example.rows == [[800, 70], [30, 100]])
  }

  @Test func recallIs100Over130() {
    let counts = example.binaryCounts(positive: 1)
    #expect(counts.recall == 100.0 / 130.0)
    #expect((counts.recall * 1000).rounded() / 1000 == 0.769)
  }

  @Test func precisionIs100Over170() {
    let counts = example.binaryCounts(positive: 1)
    #expect(counts.precision == 100.0 / 170.0)
    #expect((counts.precision * 1000).rounded() / 1000 == 0.588)
  }

  @Test func fScoresOfModelsAAndBMatchTheNotesToThreeDecimals() {
    let a = BinaryCounts.fScore(precision: 0.95, recall: 0.90)
    let b = BinaryCounts.fScore(precision: 0.98, recall: 0.85)
    #expect((a * 1000).rounded() / 1000 == 0.924)
    #expect((b * 1000).rounded() / 1000 == 0.910)
    #expect(a > b)
  }

  @Test func accuracyOf90RightOutOf100Is90Percent() {
    let matrix = ConfusionMatrix(
      truth: Array(repeating: 0, count: 100),
      predicted: Array(repeating: 0, count: 90) + Array(repeating: 1, count: 10),
      classCount: 2)
    #expect(matrix.accuracy == 0.9)
  }

  @Test func rareDiseaseExampleWarnsThatAccuracyMisleads() {
    // 1 patient in 100,000 people; a model that always says "healthy" is 99.999% accurate.
    let truth = [1] + Array(repeating: 0, count: 99_999)
    let predicted = Array(repeating: 0, count: 100_000)
    let report = ClassificationReport(
      truth: truth, predicted: predicted, classNames: ["healthy", "disease"], positiveClass: 1)
    #expect(report.accuracy == 0.99999)
    #expect(report.binary?.recall == 0)
    let warning = report.imbalanceWarning ?? ""
    #expect(warning.contains("'healthy'") && warning.contains("'disease'"))
    #expect(report.tableText.contains("warning: classes are imbalanced"))
  }
}
