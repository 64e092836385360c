/// Cuts sample indices into consecutive parts after a seeded, optionally stratified shuffle.
package enum Splitter {
  /// The indices of each part.
  ///
  /// Stratified: each class is shuffled on its own, then the samples are ordered by their
  /// position within their class, `(rank + 0.5) / classCount`, so every consecutive run of the
  /// order — and so every part — holds each class in proportion (±1 sample per class).
  /// Every part is then shuffled so that no part is sorted by class.
  /// - Parameters:
  ///   - labels: class labels for stratification; `nil` for a plain shuffle (regression).
  ///   - sizes: the part sizes; their sum may be less than `count` (the rest is unused).
  package static func split(
    count: Int, labels: [Int]?, sizes: [Int], using rng: inout SeededGenerator
  ) -> [[Int]] {
    precondition(sizes.reduce(0, +) <= count, "split sizes \(sizes) exceed \(count) samples")
    var order: [Int]
    if let labels {
      var byClass: [Int: [Int]] = [:]
      for (index, label) in labels.enumerated() { byClass[label, default: []].append(index) }
      var keyed: [(key: Double, label: Int, index: Int)] = []
      keyed.reserveCapacity(count)
      for label in byClass.keys.sorted() {
        var members = byClass[label]!
        members.shuffle(using: &rng)
        for (rank, index) in members.enumerated() {
          keyed.append(((Double(rank) + 0.5) / Double(members.count), label, index))
        }
      }
      keyed.sort { ($0.key, $0.label) < ($1.key, $1.label) }
      order = keyed.map(\.index)
    } else {
      order = Array(0..<count)
      order.shuffle(using: &rng)
    }
    var parts: [[Int]] = []
    var start = 0
    for size in sizes {
      var part = Array(order[start..<(start + size)])
      part.shuffle(using: &rng)
      parts.append(part)
      start += size
    }
    return parts
  }
}
