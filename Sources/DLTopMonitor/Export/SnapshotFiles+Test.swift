import Foundation

extension SnapshotFiles {
  /// `test.txt`: the held-out test split's loss, accuracy, regression metrics, the positive class
  /// of a binary task, then the test confusion matrix with per-class precision, recall, F1 and
  /// support (the layout of `confusion.txt`).
  package static func testText(_ results: TestSummary?, classNames: [String]?) -> String {
    guard let results else {
      return "no test results: the test split is evaluated once, when training ends\n"
    }
    var lines = [
      "test split: \(results.samples.map(String.init) ?? "?") samples",
      "loss: \(csvNumber(results.loss))",
    ]
    if let accuracy = results.accuracy { lines.append("accuracy: \(csvNumber(accuracy))") }
    if let regression = results.regression {
      lines.append("mse: \(csvNumber(regression.meanSquaredError))")
      lines.append("mae: \(csvNumber(regression.meanAbsoluteError))")
      lines.append("r2: \(csvNumber(regression.rSquared))")
    }
    if let positive = results.positiveClass, let scores = results.scores(ofClass: positive) {
      let name = classNames.flatMap { positive < $0.count ? $0[positive] : nil } ?? String(positive)
      lines.append(
        "positive class: \(name) (precision \(scores.precision.map(csvNumber) ?? "-"), recall \(scores.recall.map(csvNumber) ?? "-"))"
      )
    }
    var text = lines.joined(separator: "\n") + "\n"
    if let confusion = results.confusionRecord {
      let table = confusionText(confusion, classNames: classNames)
      // confusionText names a validation epoch on its first line; this matrix is the test split's.
      let body = table.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
      text += "\ntest confusion matrix (rows: true class, columns: predicted)\n"
      text += body.count > 1 ? String(body[1]) : ""
    }
    return text
  }
}
