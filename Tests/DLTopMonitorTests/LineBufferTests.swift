import Testing

@testable import DLTopMonitor

/// `LineBuffer` splits bytes that arrive in arbitrary pieces into numbered lines; skipped lines
/// (a replay's batch lines) still count, so every later line keeps its number in messages.
struct LineBufferTests {
  private let text =
    "{\"type\":\"header\"}\r\n{\"type\":\"batch\",\"step\":1}\nplain\n\n{\"type\":\"batch\"}\nlast"

  /// Feeds `text` cut into pieces of `size` bytes and returns every line with its number.
  private func lines(pieceSize size: Int, skipping prefix: String) -> [String] {
    var buffer = LineBuffer()
    let bytes = Array(text.utf8)
    var out: [String] = []
    for start in stride(from: 0, to: bytes.count, by: size) {
      let piece = bytes[start..<min(bytes.count, start + size)]
      out += buffer.feed(piece, skippingLinesStartingWith: Array(prefix.utf8)).map {
        "\($0.number):\($0.text)"
      }
    }
    if let last = buffer.finish() { out.append("\(last.number):\(last.text)") }
    return out
  }

  @Test func everyPieceSizeGivesTheSameNumberedLines() {
    let whole = [
      "1:{\"type\":\"header\"}", "2:{\"type\":\"batch\",\"step\":1}", "3:plain", "4:",
      "5:{\"type\":\"batch\"}", "6:last",
    ]
    for size in 1...text.utf8.count {
      #expect(lines(pieceSize: size, skipping: "") == whole, "piece size \(size)")
    }
  }

  @Test func skippedLinesAreDroppedButCountedWhereverThePiecesEnd() {
    let kept = ["1:{\"type\":\"header\"}", "3:plain", "4:", "6:last"]
    for size in 1...text.utf8.count {
      #expect(lines(pieceSize: size, skipping: "{\"type\":\"batch\"") == kept, "piece size \(size)")
    }
  }
}
