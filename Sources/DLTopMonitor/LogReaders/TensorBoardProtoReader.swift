/// A minimal protobuf wire-format reader: varints, fixed 64-bit, length-delimited and fixed 32-bit
/// fields, over bytes that stay where they are (no copies).
///
/// It knows nothing about message types; `TensorBoardEventDecoder` walks the few TensorFlow messages
/// dltop needs with it. Every read returns nil at the end of the buffer or on a malformed field, and
/// the caller turns that into a `LogIssue`.
package struct TensorBoardProtoReader {
  /// The wire types of the protobuf encoding (groups 3 and 4 are deprecated and rejected).
  package enum WireType: UInt64 {
    case varint = 0
    case fixed64 = 1
    case lengthDelimited = 2
    case fixed32 = 5
  }

  private let bytes: UnsafeRawBufferPointer
  private var position = 0

  package init(_ bytes: UnsafeRawBufferPointer) {
    self.bytes = bytes
  }

  package var isAtEnd: Bool { position >= bytes.count }

  /// The next field's number and wire type; nil at the end or on an unknown wire type.
  package mutating func readTag() -> (field: UInt64, wire: WireType)? {
    guard let key = readVarint(), let wire = WireType(rawValue: key & 7), key >> 3 != 0 else {
      return nil
    }
    return (key >> 3, wire)
  }

  /// A base-128 varint (at most 10 bytes).
  package mutating func readVarint() -> UInt64? {
    var result: UInt64 = 0
    var shift: UInt64 = 0
    while position < bytes.count, shift < 64 {
      let byte = bytes[position]
      position += 1
      result |= UInt64(byte & 0x7F) << shift
      if byte & 0x80 == 0 { return result }
      shift += 7
    }
    return nil
  }

  package mutating func readFixed64() -> UInt64? {
    guard bytes.count - position >= 8 else { return nil }
    defer { position += 8 }
    return UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: position, as: UInt64.self))
  }

  package mutating func readFixed32() -> UInt32? {
    guard bytes.count - position >= 4 else { return nil }
    defer { position += 4 }
    return UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: position, as: UInt32.self))
  }

  /// The payload of a length-delimited field (a string, bytes, a sub-message or a packed array).
  package mutating func readLengthDelimited() -> UnsafeRawBufferPointer? {
    guard let length = readVarint(), length <= UInt64(bytes.count - position) else { return nil }
    let start = position
    position += Int(length)
    return UnsafeRawBufferPointer(rebasing: bytes[start..<position])
  }

  /// Skips a field's value of the given wire type.
  /// - Returns: false when the value runs past the end.
  package mutating func skip(_ wire: WireType) -> Bool {
    switch wire {
    case .varint: readVarint() != nil
    case .fixed64: readFixed64() != nil
    case .fixed32: readFixed32() != nil
    case .lengthDelimited: readLengthDelimited() != nil
    }
  }
}
