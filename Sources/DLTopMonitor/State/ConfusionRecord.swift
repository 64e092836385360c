/// A K×K confusion matrix of one validation pass: `counts[true][predicted]`.
package struct ConfusionRecord: Sendable, Equatable, Codable {
  package var epoch: Int
  package var counts: [[Int]]

  package init(epoch: Int, counts: [[Int]]) {
    self.epoch = epoch
    self.counts = counts
  }

  package var classCount: Int { counts.count }
  /// Recall of class `k`: diagonal over its row; nil when the row is empty.
  package func recall(ofClass k: Int) -> Double? {
    let row = counts[k].reduce(0, +)
    return row == 0 ? nil : Double(counts[k][k]) / Double(row)
  }
  /// Precision of class `k`: diagonal over its column; nil when nothing was predicted as `k`.
  package func precision(ofClass k: Int) -> Double? {
    let column = counts.reduce(0) { $0 + $1[k] }
    return column == 0 ? nil : Double(counts[k][k]) / Double(column)
  }
}
