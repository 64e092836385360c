import Foundation

/// Everything a practitioner reads after classifying a set: accuracy, per-class precision,
/// recall and F1 with support, macro and weighted averages, the positive class's TP/FP/FN/TN for
/// binary tasks, and a warning when imbalance makes accuracy mislead.
///
/// Macro averages weigh every class the same; weighted averages weigh each class by its support
/// (true samples). A class with no predictions has precision 0, one with no samples recall 0.
package struct ClassificationReport: Sendable, Equatable {
  /// Scores of one class against all others.
  package struct ClassScores: Sendable, Equatable {
    package var name: String
    package var precision: Double
    package var recall: Double
    package var f1: Double
    /// True samples of this class.
    package var support: Int
  }

  /// Precision, recall and F1 averaged over classes.
  package struct Averages: Sendable, Equatable {
    package var precision: Double
    package var recall: Double
    package var f1: Double
  }

  package var classNames: [String]
  package var confusion: ConfusionMatrix
  package var perClass: [ClassScores]
  package var macro: Averages
  package var weighted: Averages
  package var accuracy: Double
  /// The positive class of a binary report (`--positive`), if any.
  package var positiveClass: Int?
  /// TP/FP/FN/TN of `positiveClass` against the rest.
  package var binary: BinaryCounts?
  /// `ImbalanceCheck`'s warning on the true class counts.
  package var imbalanceWarning: String?

  /// - Parameters:
  ///   - positiveClass: the class whose TP/FP/FN/TN to report; `nil` for none.
  package init(confusion: ConfusionMatrix, classNames: [String], positiveClass: Int? = nil) {
    precondition(
      classNames.count == confusion.classCount,
      "ClassificationReport: \(classNames.count) names for \(confusion.classCount) classes")
    self.classNames = classNames
    self.confusion = confusion
    let scores = classNames.indices.map { label in
      let counts = confusion.binaryCounts(positive: label)
      return ClassScores(
        name: classNames[label], precision: counts.precision, recall: counts.recall, f1: counts.f1,
        support: confusion.support(of: label))
    }
    perClass = scores
    let k = Double(max(1, scores.count))
    macro = Averages(
      precision: scores.map(\.precision).reduce(0, +) / k,
      recall: scores.map(\.recall).reduce(0, +) / k,
      f1: scores.map(\.f1).reduce(0, +) / k)
    let total = Double(max(1, confusion.total))
    func weightedMean(_ value: (ClassScores) -> Double) -> Double {
      scores.map { value($0) * Double($0.support) }.reduce(0, +) / total
    }
    weighted = Averages(
      precision: weightedMean(\.precision), recall: weightedMean(\.recall), f1: weightedMean(\.f1))
    accuracy = confusion.accuracy
    self.positiveClass = positiveClass
    binary = positiveClass.map { confusion.binaryCounts(positive: $0) }
    imbalanceWarning = ImbalanceCheck.warning(
      classCounts: scores.map(\.support), classNames: classNames)
  }

  /// With the positive class given by name (`--positive malignant`); a name that is not a
  /// class gives no binary counts.
  package init(confusion: ConfusionMatrix, classNames: [String], positive: String?) {
    self.init(
      confusion: confusion, classNames: classNames,
      positiveClass: positive.flatMap { classNames.firstIndex(of: $0) })
  }

  /// From true and predicted class labels.
  package init(truth: [Int], predicted: [Int], classNames: [String], positiveClass: Int? = nil) {
    self.init(
      confusion: ConfusionMatrix(truth: truth, predicted: predicted, classCount: classNames.count),
      classNames: classNames, positiveClass: positiveClass)
  }

  /// A plain-text table in the layout of scikit-learn's `classification_report`, followed by the
  /// positive class's counts and the imbalance warning when there are any.
  package var tableText: String {
    let nameWidth = max(12, classNames.map(\.count).max() ?? 0)
    func pad(_ text: String, _ width: Int) -> String {
      String(repeating: " ", count: max(0, width - text.count)) + text
    }
    func number(_ value: Double) -> String { pad(String(format: "%.3f", value), 10) }
    var lines = [
      pad("", nameWidth) + pad("precision", 10) + pad("recall", 10) + pad("f1-score", 10)
        + pad("support", 10)
    ]
    for scores in perClass {
      lines.append(
        pad(scores.name, nameWidth) + number(scores.precision) + number(scores.recall)
          + number(scores.f1)
          + pad(String(scores.support), 10))
    }
    let total = pad(String(confusion.total), 10)
    lines.append("")
    lines.append(pad("accuracy", nameWidth) + pad("", 20) + number(accuracy) + total)
    lines.append(
      pad("macro avg", nameWidth) + number(macro.precision) + number(macro.recall)
        + number(macro.f1) + total)
    lines.append(
      pad("weighted avg", nameWidth) + number(weighted.precision) + number(weighted.recall)
        + number(weighted.f1) + total)
    if let positiveClass, let binary {
      lines.append("")
      lines.append(
        "positive class '\(classNames[positiveClass])': TP \(binary.truePositives)  "
          + "FP \(binary.falsePositives)  "
          + "FN \(binary.falseNegatives)  TN \(binary.trueNegatives)  "
          + "recall \(String(format: "%.3f", binary.recall))  "
          + "precision \(String(format: "%.3f", binary.precision))"
      )
    }
    if let imbalanceWarning {
      lines.append("")
      lines.append("warning: \(imbalanceWarning)")
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
