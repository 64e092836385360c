import DLTopMonitor

extension WatchBenchmark {
  /// Frames `data` as one TFRecord: length, masked CRC of the length, data, masked CRC of the data.
  package static func appendRecord(_ out: inout [UInt8], _ data: [UInt8]) {
    let length = withUnsafeBytes(of: UInt64(data.count).littleEndian) { Array($0) }
    out += length
    out += withUnsafeBytes(of: CRC32C.masked(CRC32C.checksum(length)).littleEndian) { Array($0) }
    out += data
    out += withUnsafeBytes(of: CRC32C.masked(CRC32C.checksum(data)).littleEndian) { Array($0) }
  }

  /// An `Event` with only `file_version`, as writers put first.
  static func event(wallTime: Double, step: Int, fileVersion: String) -> [UInt8] {
    var out: [UInt8] = [0x09]
    out += withUnsafeBytes(of: wallTime.bitPattern.littleEndian) { Array($0) }
    out += [0x10] + varint(UInt64(step))
    out += [0x1A] + varint(UInt64(fileVersion.utf8.count)) + Array(fileVersion.utf8)
    return out
  }

  /// An `Event` holding one TF2 scalar: a rank-0 `DT_FLOAT` tensor with `float_val`.
  static func event(wallTime: Double, step: Int, tag: String, value: Float) -> [UInt8] {
    // dtype DT_FLOAT, an empty tensor_shape (rank 0), then packed float_val of 4 bytes.
    var tensor: [UInt8] = [0x08, 0x01, 0x12, 0x00, 0x2A, 0x04]
    tensor += withUnsafeBytes(of: value.bitPattern.littleEndian) { Array($0) }
    var summaryValue: [UInt8] = [0x0A] + varint(UInt64(tag.utf8.count)) + Array(tag.utf8)
    summaryValue += [0x42] + varint(UInt64(tensor.count)) + tensor
    let summary: [UInt8] = [0x0A] + varint(UInt64(summaryValue.count)) + summaryValue
    var out: [UInt8] = [0x09]
    out += withUnsafeBytes(of: wallTime.bitPattern.littleEndian) { Array($0) }
    out += [0x10] + varint(UInt64(step))
    out += [0x2A] + varint(UInt64(summary.count)) + summary
    return out
  }

  package static func varint(_ value: UInt64) -> [UInt8] {
    var value = value
    var out: [UInt8] = []
    while value >= 0x80 {
      out.append(UInt8(value & 0x7F) | 0x80)
      value >>= 7
    }
    out.append(UInt8(value))
    return out
  }
}
