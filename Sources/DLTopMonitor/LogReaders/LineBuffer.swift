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
    var lines: [(number: Int, text: String)] = []
    var start = bytes.startIndex
    var index = bytes.startIndex
    while index < bytes.endIndex {
      if bytes[index] == 0x0A {
        var line = pending
        pending.removeAll(keepingCapacity: true)
        line.append(contentsOf: bytes[start..<index])
        lines.append((nextLineNumber, Self.text(line)))
        nextLineNumber += 1
        start = index + 1
      }
      index += 1
    }
    pending.append(contentsOf: bytes[start..<bytes.endIndex])
    return lines
  }

  /// Returns the pending last line, if it holds anything, as complete.
  package mutating func finish() -> (number: Int, text: String)? {
    defer { pending.removeAll() }
    guard !pending.isEmpty else { return nil }
    let line = (nextLineNumber, Self.text(pending))
    nextLineNumber += 1
    return line
  }

  private static func text(_ bytes: [UInt8]) -> String {
    var slice = bytes[...]
    if slice.last == 0x0D { slice = slice.dropLast() }
    return String(decoding: slice, as: UTF8.self)
  }
}
