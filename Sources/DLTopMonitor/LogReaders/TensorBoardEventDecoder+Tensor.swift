extension TensorBoardEventDecoder {
  /// The single value of a one-element numeric `TensorProto`, or nil for anything else.
  ///
  /// Values may come packed or unpacked in `float_val`/`double_val`/`int_val`/`int64_val`, or as raw
  /// little-endian bytes in `tensor_content` interpreted by `dtype`.
  static func scalarValue(ofTensor bytes: UnsafeRawBufferPointer) throws(Malformed) -> Double? {
    // TF2's `tf.summary.scalar`, nearly every tensor in practice: `dtype: DT_FLOAT`, an empty
    // `tensor_shape`, a packed `float_val` of one value (08 01 12 00 2A 04, then the float).
    if bytes.count == 10,
      UInt32(littleEndian: bytes.loadUnaligned(as: UInt32.self)) == 0x0012_0108,
      UInt16(littleEndian: bytes.loadUnaligned(fromByteOffset: 4, as: UInt16.self)) == 0x042A
    {
      return Double(
        Float(
          bitPattern: UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: 6, as: UInt32.self))
        ))
    }
    var reader = TensorBoardProtoReader(bytes)
    var dtype: UInt64 = 0
    var elementCount = 1
    var firstValue: Double?
    var content: UnsafeRawBufferPointer?
    while !reader.isAtEnd {
      guard let (field, wire) = reader.readTag() else {
        throw Malformed(message: "bad field key in TensorProto")
      }
      switch (field, wire) {
      case (1, .varint):
        guard let raw = reader.readVarint() else { throw Malformed(message: "truncated dtype") }
        dtype = raw
      case (2, .lengthDelimited):
        guard let shape = reader.readLengthDelimited() else {
          throw Malformed(message: "truncated tensor_shape")
        }
        elementCount = try self.elementCount(ofShape: shape)
      case (4, .lengthDelimited):
        guard let raw = reader.readLengthDelimited() else {
          throw Malformed(message: "truncated tensor_content")
        }
        content = raw
      case (5, .fixed32):
        guard let bits = reader.readFixed32() else {
          throw Malformed(message: "truncated float_val")
        }
        if firstValue == nil { firstValue = Double(Float(bitPattern: bits)) }
      case (5, .lengthDelimited):
        guard let packed = reader.readLengthDelimited() else {
          throw Malformed(message: "truncated float_val")
        }
        if firstValue == nil, packed.count >= 4 {
          firstValue = Double(
            Float(bitPattern: UInt32(littleEndian: packed.loadUnaligned(as: UInt32.self))))
        }
      case (6, .fixed64):
        guard let bits = reader.readFixed64() else {
          throw Malformed(message: "truncated double_val")
        }
        if firstValue == nil { firstValue = Double(bitPattern: bits) }
      case (6, .lengthDelimited):
        guard let packed = reader.readLengthDelimited() else {
          throw Malformed(message: "truncated double_val")
        }
        if firstValue == nil, packed.count >= 8 {
          firstValue = Double(
            bitPattern: UInt64(littleEndian: packed.loadUnaligned(as: UInt64.self)))
        }
      case (7, .varint), (10, .varint):
        guard let raw = reader.readVarint() else { throw Malformed(message: "truncated int_val") }
        if firstValue == nil { firstValue = Double(Int64(bitPattern: raw)) }
      case (7, .lengthDelimited), (10, .lengthDelimited):
        guard let packed = reader.readLengthDelimited() else {
          throw Malformed(message: "truncated int_val")
        }
        var inner = TensorBoardProtoReader(packed)
        while !inner.isAtEnd {
          guard let raw = inner.readVarint() else { throw Malformed(message: "bad packed int_val") }
          if firstValue == nil { firstValue = Double(Int64(bitPattern: raw)) }
        }
      default:
        guard reader.skip(wire) else {
          throw Malformed(message: "truncated field \(field) in TensorProto")
        }
      }
    }
    guard elementCount == 1 else { return nil }
    if let content {
      switch dtype {
      case DataType.float where content.count == 4:
        return Double(
          Float(bitPattern: UInt32(littleEndian: content.loadUnaligned(as: UInt32.self))))
      case DataType.double where content.count == 8:
        return Double(bitPattern: UInt64(littleEndian: content.loadUnaligned(as: UInt64.self)))
      case DataType.int32 where content.count == 4:
        return Double(Int32(littleEndian: content.loadUnaligned(as: Int32.self)))
      case DataType.int64 where content.count == 8:
        return Double(Int64(littleEndian: content.loadUnaligned(as: Int64.self)))
      default: return nil
      }
    }
    switch dtype {
    case DataType.float, DataType.double, DataType.int32, DataType.int64: return firstValue
    default: return nil
    }
  }

  /// The number of elements of a `TensorShapeProto` (1 for rank 0); -1 for an unknown rank.
  private static func elementCount(ofShape bytes: UnsafeRawBufferPointer) throws(Malformed) -> Int {
    var reader = TensorBoardProtoReader(bytes)
    var count = 1
    while !reader.isAtEnd {
      guard let (field, wire) = reader.readTag() else {
        throw Malformed(message: "bad field key in shape")
      }
      switch (field, wire) {
      case (2, .lengthDelimited):
        guard let dim = reader.readLengthDelimited() else {
          throw Malformed(message: "truncated shape dim")
        }
        var inner = TensorBoardProtoReader(dim)
        var size: Int64 = 0
        while !inner.isAtEnd {
          guard let (dimField, dimWire) = inner.readTag() else {
            throw Malformed(message: "bad shape dim")
          }
          if dimField == 1, dimWire == .varint, let raw = inner.readVarint() {
            size = Int64(bitPattern: raw)
          } else if !inner.skip(dimWire) {
            throw Malformed(message: "truncated shape dim field")
          }
        }
        // A crafted shape can claim dimensions whose product overflows: not a scalar either way.
        let (product, overflow) = count.multipliedReportingOverflow(by: Int(size))
        count = size < 0 || count < 0 || overflow ? -1 : product
      case (3, .varint):
        guard let unknown = reader.readVarint() else {
          throw Malformed(message: "truncated unknown_rank")
        }
        if unknown != 0 { count = -1 }
      default:
        guard reader.skip(wire) else { throw Malformed(message: "truncated field in shape") }
      }
    }
    return count
  }
}
