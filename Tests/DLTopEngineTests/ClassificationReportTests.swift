import Testing

@testable import DLTopEngine

struct ClassificationReportTests {
  // truth:     0 0 0 0 1 1 1 2 2 2
  // predicted: 0 0 1 0 1 1 2 2 2 0
  // class 0: TP 3, FP 1 (a 2 predicted as 0), FN 1 → p 3/4, r 3/4
  // class 1: TP 2, FP 1, FN 1 → p 2/3, r 2/3
  // class 2: TP 2, FP 1, FN 1 → p 2/3, r 2/3
  private let report = ClassificationReport(
    truth: [0, 0, 0, 0, 1, 1, 1, 2, 2, 2], predicted: [0, 0, 1, 0, 1, 1, 2, 2, 2, 0],
    classNames: ["cat", "dog", "bird"])

  @Test func confusionMatrixRowsAreTrueClassesColumnsPredicted() {
    #expect(report.confusion.rows == [[3, 1, 0], [0, 2, 1], [1, 0, 2]])
    #expect(report.confusion.total == 10)
    #expect(report.accuracy == 0.7)
  }

  @Test func perClassScoresAreOneVersusRest() {
    #expect(report.perClass.map(\.precision) == [0.75, 2.0 / 3.0, 2.0 / 3.0])
    #expect(report.perClass.map(\.recall) == [0.75, 2.0 / 3.0, 2.0 / 3.0])
    #expect(report.perClass.map(\.support) == [4, 3, 3])
  }

  @Test func macroWeighsClassesEquallyAndWeightedBySupport() {
    let macro = (0.75 + 2.0 / 3.0 + 2.0 / 3.0) / 3
    let weighted = (0.75 * 4 + 2.0 / 3.0 * 3 + 2.0 / 3.0 * 3) / 10
    #expect(abs(report.macro.precision - macro) < 1e-12)
    #expect(abs(report.weighted.recall - weighted) < 1e-12)
    #expect(abs(report.macro.f1 - macro) < 1e-12)
  }

  @Test func classWithoutPredictionsHasPrecisionZeroNotNaN() {
    let report = ClassificationReport(
      truth: [0, 1, 1], predicted: [0, 0, 0], classNames: ["a", "b"])
    #expect(report.perClass[1].precision == 0)
    #expect(report.perClass[1].f1 == 0)
  }

  @Test func tableTextListsClassesAveragesAndPositiveCounts() {
    let binary = ClassificationReport(
      truth: [0, 0, 1, 1, 1], predicted: [0, 1, 1, 1, 0], classNames: ["benign", "malignant"],
      positiveClass: 1)
    let text = binary.tableText
    #expect(text.contains("precision"))
    #expect(text.contains("malignant"))
    #expect(text.contains("macro avg"))
    #expect(text.contains("weighted avg"))
    #expect(text.contains("positive class 'malignant': TP 2  FP 1  FN 1  TN 1"))
    let line = text.split(separator: "\n").first { $0.hasPrefix("   malignant") }
    #expect(line.map(String.init) == "   malignant     0.667     0.667     0.667         3")
  }

  @Test func positiveClassCanBeNamed() {
    let matrix = ConfusionMatrix(truth: [0, 1, 1], predicted: [0, 1, 0], classCount: 2)
    let report = ClassificationReport(
      confusion: matrix, classNames: ["benign", "malignant"], positive: "malignant")
    #expect(report.positiveClass == 1)
    #expect(report.binary?.falseNegatives == 1)
    #expect(
      ClassificationReport(confusion: matrix, classNames: ["benign", "malignant"], positive: "x")
        .binary == nil)
  }

  @Test func confusionTableNamesClassesOnBothAxes() {
    let text = report.confusion.tableText(classNames: ["cat", "dog", "bird"])
    let lines = text.split(separator: "\n").map(String.init)
    #expect(lines[0] == "true \\ predicted   cat   dog  bird")
    #expect(lines[1] == "             cat     3     1     0")
  }

  @Test func predictedClassesTakeTheLargestScore() {
    let scores = Tensor(shape: [3, 3], scalars: [0.1, 0.7, 0.2, 0.9, 0.0, 0.1, 0.2, 0.2, 0.6])
    #expect(ConfusionMatrix.predictedClasses(scores) == [1, 0, 2])
  }

  @Test func balancedClassesGiveNoImbalanceWarning() {
    #expect(ImbalanceCheck.warning(classCounts: [50, 50, 40], classNames: ["a", "b", "c"]) == nil)
    #expect(ImbalanceCheck.warning(classCounts: [89, 11], classNames: ["a", "b"]) == nil)
    #expect(ImbalanceCheck.warning(classCounts: [90, 10], classNames: ["a", "b"]) != nil)
    #expect(
      ImbalanceCheck.warning(classCounts: [400, 400, 30], classNames: ["a", "b", "c"]) != nil)
  }
}
