/// Says when classes are so imbalanced that accuracy misleads (the notes' rare-disease example:
/// 99.999% accuracy while finding no patient).
///
/// The warning is given when the largest class holds at least `majorityShare` (0.9) of the
/// samples — a model that always answers that class already scores that accuracy — or when the
/// largest class is at least `ratio` (10) times the smallest non-empty class.
package enum ImbalanceCheck {
  package static let majorityShare = 0.9
  package static let ratio = 10.0

  /// - Returns: a warning naming the majority and minority classes, or `nil` when balanced enough.
  package static func warning(classCounts: [Int], classNames: [String]) -> String? {
    let total = classCounts.reduce(0, +)
    let present = classCounts.indices.filter { classCounts[$0] > 0 }
    guard total > 0, present.count >= 2,
      let major = present.max(by: { classCounts[$0] < classCounts[$1] }),
      let minor = present.min(by: { classCounts[$0] < classCounts[$1] })
    else { return nil }
    let share = Double(classCounts[major]) / Double(total)
    let imbalance = Double(classCounts[major]) / Double(classCounts[minor])
    guard share >= majorityShare || imbalance >= ratio else { return nil }
    let name = { (i: Int) in i < classNames.count ? classNames[i] : "class \(i)" }
    return "classes are imbalanced: '\(name(major))' is \(percent(share)) of \(total) samples, "
      + "\(Int(imbalance.rounded()))× the rarest class '\(name(minor))' (\(classCounts[minor])); "
      + "always answering '\(name(major))' would score \(percent(share)) accuracy — "
      + "read recall and precision of the rare class instead"
  }

  private static func percent(_ value: Double) -> String {
    let scaled = (value * 1000).rounded() / 10
    return "\(scaled)%"
  }
}
