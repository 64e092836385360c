import DLTopMonitor

/// The frame `WeightsFile` and `ResumeFile` share: a 4-byte magic, a little-endian UInt32 format
/// version, the payload, and a CRC-32C of everything before it.
enum FramedFile {
  /// Checks the frame of `bytes` read from `path` and returns a reader placed after the version
  /// that stops before the checksum.
  ///
  /// - Parameters:
  ///   - kind: what the file is, for messages ("weights", "resume").
  ///   - versionAdvice: appended to the message for another format version.
  static func open(
    _ bytes: [UInt8], path: String, magic: [UInt8], kind: String, version expected: UInt32,
    versionAdvice: String = ""
  ) throws(WeightsFile.ReadError) -> ByteReader {
    func fail(_ message: String) -> WeightsFile.ReadError {
      WeightsFile.ReadError(path: path, message: message)
    }
    guard bytes.count >= 16, Array(bytes[0..<4]) == magic else {
      throw fail("not a dltop \(kind) file (no \(String(decoding: magic, as: UTF8.self)) header)")
    }
    var reader = ByteReader(bytes: bytes, offset: 4)
    guard let version = reader.uint32() else { throw fail("truncated header") }
    guard version == expected else {
      throw fail(
        "\(kind) format version \(version); this dltop reads version \(expected)\(versionAdvice)")
    }
    let stored = UInt32(
      littleEndian: bytes[(bytes.count - 4)...].withUnsafeBytes {
        $0.loadUnaligned(as: UInt32.self)
      })
    let computed = CRC32C.checksum(bytes[..<(bytes.count - 4)])
    guard stored == computed else {
      throw fail(
        "checksum mismatch (stored \(hex(stored)), computed \(hex(computed))): the file is damaged or truncated"
      )
    }
    reader.end = bytes.count - 4
    return reader
  }

  private static func hex(_ value: UInt32) -> String { "0x" + String(value, radix: 16) }
}
