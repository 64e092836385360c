extension ConfusionMatrix {
  /// The matrix as a plain-text table: one row per true class, one column per predicted class,
  /// headed "true \ predicted".
  package func tableText(classNames: [String]) -> String {
    precondition(
      classNames.count == classCount,
      "tableText: \(classNames.count) names for \(classCount) classes")
    let rowWidth = max("true \\ predicted".count, classNames.map(\.count).max() ?? 0)
    let cellWidth = max(classNames.map(\.count).max() ?? 0, String(counts.max() ?? 0).count) + 2
    func pad(_ text: String, _ width: Int) -> String {
      String(repeating: " ", count: max(0, width - text.count)) + text
    }
    var lines = [
      pad("true \\ predicted", rowWidth) + classNames.map { pad($0, cellWidth) }.joined()
    ]
    for (label, row) in rows.enumerated() {
      lines.append(
        pad(classNames[label], rowWidth) + row.map { pad(String($0), cellWidth) }.joined())
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
