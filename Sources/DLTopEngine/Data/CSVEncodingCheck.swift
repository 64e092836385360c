/// Tells a CSV loader, from the first bytes, when a file is not UTF-8 text at all, so the message
/// names the encoding instead of a garbage column name or a NUL-filled cell.
enum CSVEncodingCheck {
  /// How many leading bytes are looked at.
  static let window = 4096

  /// A short description of what the bytes are instead of UTF-8 text, or nil when they are text.
  static func problem(in bytes: [UInt8]) -> String? {
    let head = bytes.prefix(window)
    if head.starts(with: [0xFF, 0xFE]) {
      return "UTF-16 little-endian: it starts with the byte-order mark FF FE"
    }
    if head.starts(with: [0xFE, 0xFF]) {
      return "UTF-16 big-endian: it starts with the byte-order mark FE FF"
    }
    if let zero = head.firstIndex(of: 0) {
      // Every other byte zero is UTF-16 text without a byte-order mark.
      let pairs = stride(from: head.startIndex, to: head.endIndex - 1, by: 2)
      let evenZeros = pairs.count { head[$0] == 0 }
      let oddZeros = pairs.count { head[$0 + 1] == 0 }
      let halves = max(1, pairs.underestimatedCount)
      if oddZeros * 10 >= halves * 8 {
        return "looks like UTF-16 little-endian (every other byte is 0)"
      }
      if evenZeros * 10 >= halves * 8 {
        return "looks like UTF-16 big-endian (every other byte is 0)"
      }
      return "binary data: a NUL byte at offset \(zero)"
    }
    if let offset = firstInvalidUTF8(head, cutAtEnd: bytes.count > window) {
      return String(
        "binary data or a legacy encoding: byte 0x\(String(head[offset], radix: 16, uppercase: true)) "
          + "at offset \(offset) is not UTF-8")
    }
    let controls = head.count { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
    if controls * 100 > max(1, head.count) {
      return "binary data: \(controls) control bytes in the first \(head.count)"
    }
    return nil
  }

  /// The offset of the first byte that breaks UTF-8; a sequence cut by the window's end is fine.
  private static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>, cutAtEnd: Bool) -> Int? {
    var index = bytes.startIndex
    while index < bytes.endIndex {
      let lead = bytes[index]
      let length: Int
      switch lead {
      case 0x00...0x7F: length = 1
      case 0xC2...0xDF: length = 2
      case 0xE0...0xEF: length = 3
      case 0xF0...0xF4: length = 4
      default: return index
      }
      if index + length > bytes.endIndex { return cutAtEnd ? nil : index }
      for next in (index + 1)..<(index + length) where bytes[next] & 0xC0 != 0x80 { return index }
      index += length
    }
    return nil
  }
}
