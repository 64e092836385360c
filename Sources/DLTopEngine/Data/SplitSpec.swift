import Foundation

/// How to cut a data set into train, validation and test parts, parsed from `--split`.
///
/// Forms: ratios `80:20`, `70:15:15`, `0.8:0.2`, `2:1`; percents `80%:20%`; counts `50000:10000`.
/// Integer parts are ratios when they add up to at most 100 and counts when a part is above 100
/// (`60:20:20` is a ratio, `50000:10000` are counts); integers adding up to more than 100 with no
/// part above it (`90:20`) are refused, as are fractions that do not add up to 1 (`0.9:0.2`). Ratios use the whole set; percents adding up to less
/// than 100 and counts adding up to less than the set leave the rest unused (the loader notes it).
///
/// Meaning of the parts (decided in `DatasetLoader`): two parts `a:b` are train:validation when
/// the data set has its own test split (fashion-mnist), otherwise train:test with no validation;
/// three parts are train:validation:test and are refused when the data set has its own test split.
package struct SplitSpec: Sendable, Equatable, CustomStringConvertible {
  /// One part of a split.
  package enum Part: Sendable, Equatable {
    case ratio(Double)
    case percent(Double)
    case count(Int)
  }

  package var parts: [Part]

  package init(parts: [Part]) {
    self.parts = parts
  }

  /// The split used when `--split` is not given: 90:10 train:validation when the data set has
  /// its own test split, otherwise 70:15:15 train:validation:test.
  package static func defaultSpec(hasOwnTestSplit: Bool) -> SplitSpec {
    hasOwnTestSplit
      ? SplitSpec(parts: [.ratio(90), .ratio(10)])
      : SplitSpec(parts: [.ratio(70), .ratio(15), .ratio(15)])
  }

  /// Every sample trains; no validation or test split (tiny data sets such as seed 004's table).
  package static let trainOnly = SplitSpec(parts: [.ratio(100)])

  /// Parses `80:20`, `70:15:15`, `80%:20%`, `0.8:0.2`, `50000:10000`, or `all` (train only).
  ///
  /// - Throws: `DataOptionError` (flag `--split`) for anything else.
  package static func parse(_ text: String) throws -> SplitSpec {
    if text.trimmingCharacters(in: .whitespaces).lowercased() == "all" { return trainOnly }
    let pieces = text.split(separator: ":", omittingEmptySubsequences: false).map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    guard pieces.count == 2 || pieces.count == 3 else {
      throw DataOptionError(
        .split, "'\(text)' needs 2 or 3 parts joined by ':' (e.g. 80:20, 70:15:15)")
    }
    if pieces.allSatisfy({ $0.hasSuffix("%") }) {
      let values = pieces.compactMap { Double($0.dropLast()) }
      guard values.count == pieces.count, values.allSatisfy({ $0 > 0 }),
        values.reduce(0, +) <= 100 + 1e-9
      else {
        throw DataOptionError(
          .split, "'\(text)': percents must be positive and add up to at most 100%")
      }
      return SplitSpec(parts: values.map { .percent($0) })
    }
    if pieces.allSatisfy({ Int($0) != nil }) {
      let values = pieces.map { Int($0)! }
      guard values.allSatisfy({ $0 > 0 }) else {
        throw DataOptionError(.split, "'\(text)': every part must be positive")
      }
      let sum = values.reduce(0, +)
      if sum <= 100 { return SplitSpec(parts: values.map { .ratio(Double($0)) }) }
      // 90:20 is a slip in percentages, not 110 samples: counts need a part above 100.
      guard values.contains(where: { $0 > 100 }) else {
        throw DataOptionError(
          .split,
          "'\(text)' adds up to \(sum): ratios must add up to 100 (e.g. 80:20); "
            + "counts are sample numbers with a part above 100 (e.g. 1000:200)")
      }
      return SplitSpec(parts: values.map { .count($0) })
    }
    let values = pieces.compactMap { Double($0) }
    guard values.count == pieces.count, values.allSatisfy({ $0 > 0 && $0.isFinite }) else {
      throw DataOptionError(
        .split,
        "'\(text)' is not ratios (80:20), percents (80%:20%) or counts (50000:10000)")
    }
    let sum = values.reduce(0, +)
    guard abs(sum - 1) < 1e-6 || values.allSatisfy({ $0 >= 1 }) else {
      throw DataOptionError(
        .split, "'\(text)' adds up to \(sum): fractions must add up to 1 (e.g. 0.8:0.2)")
    }
    return SplitSpec(parts: values.map { .ratio($0) })
  }

  /// The number of samples in each part for a set of `total` samples.
  ///
  /// Fractions are rounded down and the samples left over go to the parts with the largest
  /// remainders (train first on ties), so ratios always use every sample.
  /// - Throws: `DataOptionError` when counts exceed the set or a part would be empty.
  package func sizes(total: Int) throws -> [Int] {
    var sizes: [Int]
    switch parts.first {
    case .count?:
      sizes = parts.map { if case .count(let n) = $0 { n } else { 0 } }
      guard sizes.reduce(0, +) <= total else {
        throw DataOptionError(
          .split, "\(self) asks for \(sizes.reduce(0, +)) samples but the set has \(total)"
        )
      }
    default:
      let weights = parts.map { part -> Double in
        switch part {
        case .ratio(let r): r
        case .percent(let p): p
        case .count(let n): Double(n)
        }
      }
      let isPercent = parts.allSatisfy { if case .percent = $0 { true } else { false } }
      let denominator = isPercent ? 100 : weights.reduce(0, +)
      let exact = weights.map { $0 / denominator * Double(total) }
      sizes = exact.map { Int($0.rounded(.down)) }
      let wanted = Int((exact.reduce(0, +)).rounded())
      let byRemainder = exact.indices.sorted {
        (exact[$0] - Double(sizes[$0])) > (exact[$1] - Double(sizes[$1]))
      }
      var left = wanted - sizes.reduce(0, +)
      for index in byRemainder where left > 0 {
        sizes[index] += 1
        left -= 1
      }
    }
    if let empty = sizes.firstIndex(of: 0) {
      throw DataOptionError(
        .split, "\(self) leaves part \(empty + 1) empty for a set of \(total) samples")
    }
    return sizes
  }

  package var description: String {
    if parts.count == 1 { return "all" }
    return parts.map { part in
      switch part {
      case .ratio(let r): r == r.rounded() ? String(Int(r)) : String(r)
      case .percent(let p): (p == p.rounded() ? String(Int(p)) : String(p)) + "%"
      case .count(let n): String(n)
      }
    }.joined(separator: ":")
  }
}
