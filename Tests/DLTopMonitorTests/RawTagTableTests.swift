import Testing

@testable import DLTopMonitor

struct RawTagTableTests {
  /// Tags that share prefixes, differ by one byte or are empty, enough to grow the table twice.
  private let tags =
    ["", "l", "lo", "los", "loss", "loss_", "Loss", "val_loss", "val_losS", "train/loss"]
    + (0..<60).map { "tag_\($0)" }

  @Test func everyInsertedTagIsFoundWithItsValue() {
    var table = RawTagTable()
    for (index, tag) in tags.enumerated() {
      Array(tag.utf8).withUnsafeBytes { #expect(table.value(for: $0) == nil, "\(tag) not yet") }
      Array(tag.utf8).withUnsafeBytes { table.insert(index * 10, for: $0) }
    }
    for (index, tag) in tags.enumerated().reversed() {
      Array(tag.utf8).withUnsafeBytes { #expect(table.value(for: $0) == index * 10, "\(tag)") }
    }
  }

  @Test func aTagNeverInsertedIsNotFoundEvenAfterItsPrefixWasLookedUp() {
    var table = RawTagTable()
    Array("loss".utf8).withUnsafeBytes { table.insert(1, for: $0) }
    Array("loss".utf8).withUnsafeBytes { #expect(table.value(for: $0) == 1) }
    for other in ["los", "loss_", "lost", "LOSS", ""] {
      Array(other.utf8).withUnsafeBytes { #expect(table.value(for: $0) == nil, "\(other)") }
    }
  }
}
