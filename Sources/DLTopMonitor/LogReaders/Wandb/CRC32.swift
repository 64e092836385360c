/// CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), zlib's `crc32`, as W&B's `.wandb`
/// framing uses it. Table-driven, one byte per step: `.wandb` files are small next to event files.
package enum CRC32 {
  private static let table: [UInt32] = (0..<256).map { byte in
    var crc = UInt32(byte)
    for _ in 0..<8 { crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
    return crc
  }

  /// zlib's `crc32(previous, bytes)`: the CRC-32 of what `previous` covered followed by `bytes`.
  package static func checksum(_ bytes: UnsafeRawBufferPointer, continuing previous: UInt32 = 0)
    -> UInt32
  {
    table.withUnsafeBufferPointer { t in
      var crc = ~previous
      for byte in bytes { crc = t[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
      return ~crc
    }
  }

  package static func checksum(_ bytes: [UInt8], continuing previous: UInt32 = 0) -> UInt32 {
    bytes.withUnsafeBytes { checksum($0, continuing: previous) }
  }
}
