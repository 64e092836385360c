/// Reads protobuf's wire format field by field: enough to pick the few fields dltop needs out of a
/// message without generated code (see `WandbRecordDecoder` for why).
///
/// Every read is bounds-checked; a malformed message throws `ProtobufWireReader.Malformed` with the
/// byte position, never traps.
package struct ProtobufWireReader {
  package struct Malformed: Error, Sendable, Equatable {
    package var position: Int
    package var message: String
  }

  /// One field: its number and its payload.
  package enum Value {
    case varint(UInt64)
    case fixed64(UInt64)
    case fixed32(UInt32)
    case bytes(ArraySlice<UInt8>)
  }

  private let bytes: ArraySlice<UInt8>
  private var position: Int

  package init(_ bytes: ArraySlice<UInt8>) {
    self.bytes = bytes
    position = bytes.startIndex
  }

  /// The next field, or nil at the end of the message.
  package mutating func next() throws(Malformed) -> (number: Int, value: Value)? {
    guard position < bytes.endIndex else { return nil }
    let start = position
    let key = try varint()
    let number = Int(truncatingIfNeeded: key >> 3)
    guard number > 0 else { throw Malformed(position: start, message: "field number 0") }
    switch key & 7 {
    case 0: return (number, .varint(try varint()))
    case 1: return (number, .fixed64(try fixed(8)))
    case 5: return (number, .fixed32(UInt32(truncatingIfNeeded: try fixed(4))))
    case 2:
      let length = try varint()
      guard length <= UInt64(bytes.endIndex - position) else {
        throw Malformed(position: start, message: "field \(number) runs past the message end")
      }
      let end = position + Int(length)
      defer { position = end }
      return (number, .bytes(bytes[position..<end]))
    default:
      throw Malformed(position: start, message: "unsupported wire type \(key & 7)")
    }
  }

  private mutating func varint() throws(Malformed) -> UInt64 {
    var result: UInt64 = 0
    var shift: UInt64 = 0
    while position < bytes.endIndex, shift < 64 {
      let byte = bytes[position]
      position += 1
      result |= UInt64(byte & 0x7F) << shift
      if byte & 0x80 == 0 { return result }
      shift += 7
    }
    throw Malformed(position: position, message: "truncated varint")
  }

  private mutating func fixed(_ count: Int) throws(Malformed) -> UInt64 {
    guard bytes.endIndex - position >= count else {
      throw Malformed(position: position, message: "truncated fixed-width field")
    }
    var result: UInt64 = 0
    for index in 0..<count { result |= UInt64(bytes[position + index]) << (8 * UInt64(index)) }
    position += count
    return result
  }
}

extension ProtobufWireReader.Value {
  /// The payload as UTF-8 text, for string fields.
  var text: String? {
    if case .bytes(let bytes) = self { return String(decoding: bytes, as: UTF8.self) }
    return nil
  }
}
