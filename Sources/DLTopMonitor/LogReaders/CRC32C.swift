import CCRC32C

/// CRC-32C (Castagnoli, reflected polynomial 0x82F63B78), as TFRecord framing uses it.
///
/// With the processor's own instruction where it has one (SSE 4.2's `crc32`, eight bytes per
/// instruction, through the header-only `CCRC32C`), else table-driven slicing-by-8: eight
/// 256-entry tables fold eight bytes per step. `dltop-bench --only watch` measures both.
package enum CRC32C {
  /// How a checksum is computed.
  package enum Method: Sendable, Equatable {
    /// The processor's instruction when it has one, else the tables.
    case fastest
    /// The tables, always (the reference the bench compares with).
    case table
  }

  /// Whether this processor computes CRC-32C itself (x86-64 with SSE 4.2); checked once.
  package static let hardwareAvailable = dltop_crc32c_hardware_available() != 0

  /// The CRC-32C of `bytes`, by `method`.
  @inline(__always)
  package static func checksum(_ bytes: UnsafeRawBufferPointer, method: Method) -> UInt32 {
    if method == .fastest, hardwareAvailable, let base = bytes.baseAddress {
      return ~dltop_crc32c_hardware(0xFFFF_FFFF, base, bytes.count)
    }
    return tableChecksum(bytes)
  }

  /// The CRC-32C of `bytes`, the fastest way this processor offers.
  package static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
    checksum(bytes, method: .fastest)
  }

  /// The eight lookup tables, flattened: entry `k * 256 + b`.
  private static let tables: [UInt32] = {
    var table = [UInt32](repeating: 0, count: 8 * 256)
    for byte in 0..<256 {
      var crc = UInt32(byte)
      for _ in 0..<8 { crc = (crc & 1) != 0 ? (crc >> 1) ^ 0x82F6_3B78 : crc >> 1 }
      table[byte] = crc
    }
    for byte in 0..<256 {
      var crc = table[byte]
      for slice in 1..<8 {
        crc = table[Int(crc & 0xFF)] ^ (crc >> 8)
        table[slice * 256 + byte] = crc
      }
    }
    return table
  }()

  /// The CRC-32C of `bytes` by the tables.
  /// - Complexity: O(`bytes.count`), eight bytes per table round.
  package static func tableChecksum(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
    tables.withUnsafeBufferPointer { t in
      var crc: UInt32 = 0xFFFF_FFFF
      var index = 0
      let count = bytes.count
      while index + 8 <= count {
        let low =
          UInt32(bytes[index]) | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2]) << 16
          | UInt32(bytes[index + 3]) << 24
        let one = crc ^ low
        let two =
          UInt32(bytes[index + 4]) | UInt32(bytes[index + 5]) << 8
          | UInt32(bytes[index + 6]) << 16 | UInt32(bytes[index + 7]) << 24
        crc =
          t[7 * 256 + Int(one & 0xFF)] ^ t[6 * 256 + Int((one >> 8) & 0xFF)]
          ^ t[5 * 256 + Int((one >> 16) & 0xFF)] ^ t[4 * 256 + Int(one >> 24)]
          ^ t[3 * 256 + Int(two & 0xFF)] ^ t[2 * 256 + Int((two >> 8) & 0xFF)]
          ^ t[1 * 256 + Int((two >> 16) & 0xFF)] ^ t[Int(two >> 24)]
        index += 8
      }
      while index < count {
        crc = t[Int((crc ^ UInt32(bytes[index])) & 0xFF)] ^ (crc >> 8)
        index += 1
      }
      return ~crc
    }
  }

  /// The CRC-32C of `bytes`.
  package static func checksum<C: Collection<UInt8>>(_ bytes: C) -> UInt32 {
    if let result = bytes.withContiguousStorageIfAvailable({ checksum(UnsafeRawBufferPointer($0)) })
    {
      return result
    }
    return Array(bytes).withUnsafeBytes { checksum($0) }
  }

  /// TFRecord's masked form: `((crc >> 15) | (crc << 17)) + 0xa282ead8`, so a CRC of data that
  /// itself contains CRCs stays well distributed.
  package static func masked(_ crc: UInt32) -> UInt32 {
    ((crc >> 15) | (crc << 17)) &+ 0xA282_EAD8
  }
}
