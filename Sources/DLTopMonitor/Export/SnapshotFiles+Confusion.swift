import Foundation

extension SnapshotFiles {
  /// The confusion matrix (rows true class, columns predicted) with class names, then per-class
  /// precision, recall, F1 and support, then macro and support-weighted averages.
  package static func confusionText(_ record: ConfusionRecord?, classNames: [String]?) -> String {
    guard let record, record.classCount > 0 else {
      return "no confusion matrix: not a classification run, or no validation pass yet\n"
    }
    let k = record.classCount
    let names = (0..<k).map { index in
      classNames.flatMap { index < $0.count ? $0[index] : nil } ?? String(index)
    }
    var lines = [
      "confusion matrix at epoch \(record.epoch) (rows: true class, columns: predicted)", "",
    ]
    let nameWidth = max(12, names.map(\.count).max() ?? 0)
    let cellWidth = max(
      5, names.map(\.count).max() ?? 0,
      record.counts.flatMap { $0 }.map { String($0).count }.max() ?? 0)
    lines.append(
      pad("", nameWidth) + " " + names.map { padLeft($0, cellWidth) }.joined(separator: " "))
    for (row, name) in names.enumerated() {
      lines.append(
        pad(name, nameWidth) + " "
          + record.counts[row].map { padLeft(String($0), cellWidth) }.joined(separator: " "))
    }
    lines.append("")
    let header = ["precision", "recall", "f1", "support"]
    lines.append(
      pad("class", nameWidth) + " " + header.map { padLeft($0, 9) }.joined(separator: " "))
    var macro = (precision: 0.0, recall: 0.0, f1: 0.0, counted: 0)
    var weighted = (precision: 0.0, recall: 0.0, f1: 0.0)
    var total = 0
    for (index, name) in names.enumerated() {
      let support = record.counts[index].reduce(0, +)
      let precision = record.precision(ofClass: index) ?? 0
      let recall = record.recall(ofClass: index) ?? 0
      let f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
      lines.append(
        pad(name, nameWidth) + " "
          + [fixed(precision), fixed(recall), fixed(f1), String(support)].map { padLeft($0, 9) }
          .joined(separator: " "))
      macro.precision += precision
      macro.recall += recall
      macro.f1 += f1
      macro.counted += 1
      weighted.precision += precision * Double(support)
      weighted.recall += recall * Double(support)
      weighted.f1 += f1 * Double(support)
      total += support
    }
    lines.append("")
    let count = Double(max(1, macro.counted))
    lines.append(
      pad("macro avg", nameWidth) + " "
        + [
          fixed(macro.precision / count), fixed(macro.recall / count), fixed(macro.f1 / count),
          String(total),
        ].map { padLeft($0, 9) }.joined(separator: " "))
    let weight = Double(max(1, total))
    lines.append(
      pad("weighted avg", nameWidth) + " "
        + [
          fixed(weighted.precision / weight), fixed(weighted.recall / weight),
          fixed(weighted.f1 / weight), String(total),
        ].map { padLeft($0, 9) }.joined(separator: " "))
    let correct = (0..<k).reduce(0) { $0 + record.counts[$1][$1] }
    lines.append(
      pad("accuracy", nameWidth) + " " + padLeft(fixed(Double(correct) / weight), 9 * 3 + 2) + " "
        + padLeft(String(total), 9))
    return lines.joined(separator: "\n") + "\n"
  }

  private static func fixed(_ value: Double) -> String { String(format: "%.4f", value) }

  private static func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
  }

  private static func padLeft(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
  }
}
