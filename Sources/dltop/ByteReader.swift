/// Reads little-endian values from a byte array, returning nil past `end`.
struct ByteReader {
  let bytes: [UInt8]
  var offset: Int
  lazy var end = bytes.count

  init(bytes: [UInt8], offset: Int) {
    self.bytes = bytes
    self.offset = offset
  }

  mutating func byte() -> UInt8? {
    guard offset + 1 <= end else { return nil }
    defer { offset += 1 }
    return bytes[offset]
  }

  mutating func uint32() -> UInt32? {
    guard offset + 4 <= end else { return nil }
    defer { offset += 4 }
    return UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16
      | UInt32(bytes[offset + 3]) << 24
  }

  mutating func string() -> String? {
    guard let length = uint32(), offset + Int(length) <= end else { return nil }
    defer { offset += Int(length) }
    return String(decoding: bytes[offset..<(offset + Int(length))], as: UTF8.self)
  }

  /// Appends `value` little-endian (the writing side of `uint32()`).
  static func append(_ value: UInt32, to bytes: inout [UInt8]) {
    withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
  }

  /// `count` little-endian `UInt32` values.
  mutating func uint32s(_ count: Int) -> [UInt32]? {
    guard count >= 0, offset + 4 * count <= end else { return nil }
    var values = [UInt32](repeating: 0, count: count)
    for index in 0..<count {
      guard let value = uint32() else { return nil }
      values[index] = value
    }
    return values
  }

  mutating func floats(_ count: Int) -> [Float]? {
    guard count >= 0, offset + 4 * count <= end else { return nil }
    var values = [Float](repeating: 0, count: count)
    for index in 0..<count {
      guard let bits = uint32() else { return nil }
      values[index] = Float(bitPattern: bits)
    }
    return values
  }
}
