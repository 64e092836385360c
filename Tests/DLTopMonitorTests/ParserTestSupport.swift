@testable import DLTopMonitor

/// Feeds `text` to a fresh parser in one piece, then split at every byte offset, and returns the
/// single-piece result plus whether every split gave the same items.
func feedSplitEverywhere<P: IncrementalLogParser>(
  _ text: String, make: () -> P
) -> (items: [LogItem], allSplitsAgree: Bool) {
  let bytes = Array(text.utf8)
  var whole = make()
  let items = whole.feed(bytes[...]) + whole.finish()
  var agree = true
  for cut in 0...bytes.count {
    var parser = make()
    let split = parser.feed(bytes[..<cut]) + parser.feed(bytes[cut...]) + parser.finish()
    if !sameItems(split, items) { agree = false }
  }
  return (items, agree)
}

/// Item equality that treats NaN metric values as equal to each other, and per-step batches as
/// the `.step` items they stand for (how a parser batches them depends on how its bytes came).
func sameItems(_ a: [LogItem], _ b: [LogItem]) -> Bool {
  let a = a.expandingStepValues
  let b = b.expandingStepValues
  guard a.count == b.count else { return false }
  for (x, y) in zip(a, b) {
    switch (x, y) {
    case (.epoch(let r), .epoch(let s)):
      if r.epoch != s.epoch || r.seconds != s.seconds || !sameMetrics(r.metrics, s.metrics) {
        return false
      }
    case (.step(let i, let e, let m, let s), .step(let j, let f, let n, let t)):
      if i != j || e != f || s != t || !sameMetrics(m, n) { return false }
    default:
      if x != y { return false }
    }
  }
  return true
}

func sameMetrics(_ a: [String: Double], _ b: [String: Double]) -> Bool {
  a.count == b.count
    && a.allSatisfy { key, value in
      guard let other = b[key] else { return false }
      return value == other || (value.isNaN && other.isNaN)
    }
}

extension Array where Element == LogItem {
  var epochRecords: [EpochRecord] {
    compactMap { if case .epoch(let record) = $0 { record } else { nil } }
  }
  var issues: [LogIssue] {
    compactMap { if case .issue(let issue) = $0 { issue } else { nil } }
  }
}
