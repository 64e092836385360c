import Foundation

/// Splits bytes that arrive in pieces into complete lines, numbering them from 1.
///
/// A trailing piece without a newline stays pending until more bytes (or `finish`) arrive, so a
/// line cut in half by a writer mid-flush is never parsed as garbage. `\r\n` endings are accepted.
package struct LineBuffer: Sendable {
  private var pending: [UInt8] = []
  /// The number of the next line to be returned.
  package private(set) var nextLineNumber = 1

  package init() {}

  /// Appends `bytes` and returns every line they complete, without its line ending.
  /// - Complexity: O(`bytes.count` + length of the pending piece).
  package mutating func feed(_ bytes: ArraySlice<UInt8>) -> [(number: Int, text: String)] {
    feed(bytes, skippingLinesStartingWith: [])
  }

  /// Like `feed(_:)`, but a line that starts with `skipped` (when not empty) is counted and
  /// dropped without building its text — a replay that needs no batch lines skips most of a run
  /// log this way.
  package mutating func feed(
    _ bytes: ArraySlice<UInt8>, skippingLinesStartingWith skipped: [UInt8]
  ) -> [(number: Int, text: String)] {
    var lines: [(number: Int, text: String)] = []
    bytes.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return }
      var start = 0
      while start < buffer.count,
        let found = memchr(base + start, 0x0A, buffer.count - start)
      {
        let end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        let piece = UnsafeBufferPointer(rebasing: buffer[start..<end])
        if pending.isEmpty {
          if skipped.isEmpty || !piece.starts(with: skipped) {
            lines.append((nextLineNumber, Self.text(piece)))
          }
        } else {
          pending.append(contentsOf: piece)
          if skipped.isEmpty || !pending.starts(with: skipped) {
            lines.append((nextLineNumber, pending.withUnsafeBufferPointer { Self.text($0) }))
          }
          pending.removeAll(keepingCapacity: true)
        }
        nextLineNumber += 1
        start = end + 1
      }
      pending.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start...]))
    }
    return lines
  }

  /// Returns the pending last line, if it holds anything, as complete.
  package mutating func finish() -> (number: Int, text: String)? {
    defer { pending.removeAll() }
    guard !pending.isEmpty else { return nil }
    let line = (nextLineNumber, pending.withUnsafeBufferPointer { Self.text($0) })
    nextLineNumber += 1
    return line
  }

  private static func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    var slice = bytes[...]
    if slice.last == 0x0D { slice = slice.dropLast() }
    return String(decoding: UnsafeBufferPointer(rebasing: slice), as: UTF8.self)
  }
}
