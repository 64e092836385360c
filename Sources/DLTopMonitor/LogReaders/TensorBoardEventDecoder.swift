/// Decodes the scalar values of one TensorFlow `Event` record.
///
/// The messages and fields read (from tensorflow/core/util/event.proto, summary.proto, tensor.proto):
/// ```
/// Event          { double wall_time = 1; int64 step = 2; string file_version = 3; Summary summary = 5; }
/// Summary        { repeated Value value = 1; }
/// Summary.Value  { string tag = 1; float simple_value = 2; TensorProto tensor = 8;
///                  SummaryMetadata metadata = 9; }   // image = 4, histo = 5, audio = 6 are skipped
/// SummaryMetadata{ PluginData plugin_data = 1 { string plugin_name = 1; } }
/// TensorProto    { DataType dtype = 1; TensorShapeProto tensor_shape = 2 { repeated Dim dim = 2; };
///                  bytes tensor_content = 4; repeated float float_val = 5; repeated double double_val = 6;
///                  repeated int32 int_val = 7; repeated int64 int64_val = 10; }
/// ```
/// A scalar is either a `simple_value` (TF1, tensorboardX) or a tensor of one element (TF2's
/// `tf.summary.scalar` writes a rank-0 `DT_FLOAT` tensor) of dtype float, double, int32 or int64.
/// Other tensors (histograms are `[k, 3]` doubles, text is `DT_STRING`) and every other kind of
/// summary are skipped. Unknown fields are skipped by wire type, so newer writers stay readable.
package enum TensorBoardEventDecoder {
  /// One scalar found in an event.
  package struct Scalar: Sendable, Equatable {
    package var tag: String
    package var step: Int
    package var wallTime: Double
    package var value: Double
    /// `plugin_data.plugin_name` when the writer set it (TF2 sets it only on a tag's first value).
    /// A value of another plugin than `scalars` (a histogram, text, an hparams record) is reported
    /// once with `value` NaN and its plugin name, so that callers learn to skip the tag.
    package var plugin: String?

    /// Whether this value belongs to a plugin other than `scalars` and is not a scalar to show.
    package var isOtherPlugin: Bool { plugin.map { !$0.isEmpty && $0 != "scalars" } ?? false }
  }

  /// One scalar found in an event, its tag and plugin name still the record's bytes: valid only
  /// inside the callback of `decodeRaw(_:_:)`. The parser maps tags by their bytes, so it builds
  /// no `String` for a tag it has seen.
  package struct RawScalar {
    package var tag: UnsafeRawBufferPointer
    package var step: Int
    package var wallTime: Double
    package var value: Double
    /// `plugin_data.plugin_name`'s bytes when the writer set it.
    package var plugin: UnsafeRawBufferPointer?

    /// Whether this value belongs to a plugin other than `scalars` and is not a scalar to show.
    package var isOtherPlugin: Bool {
      guard let plugin, !plugin.isEmpty else { return false }
      return !plugin.elementsEqual("scalars".utf8)
    }

    /// The scalar with its tag and plugin as strings.
    package var scalar: Scalar {
      Scalar(
        tag: String(decoding: tag, as: UTF8.self), step: step, wallTime: wallTime, value: value,
        plugin: plugin.map { String(decoding: $0, as: UTF8.self) })
    }
  }

  /// Why an event could not be decoded.
  package struct Malformed: Error, Sendable, Equatable {
    package var message: String
  }

  enum DataType {
    static let float: UInt64 = 1
    static let double: UInt64 = 2
    static let int32: UInt64 = 3
    static let int64: UInt64 = 9
  }

  /// Calls `body` for each scalar value in the serialized `Event`.
  /// - Throws: `Malformed` when the bytes are not a valid Event encoding.
  package static func decode(_ event: UnsafeRawBufferPointer, _ body: (Scalar) -> Void)
    throws(Malformed)
  {
    try decodeRaw(event) { body($0.scalar) }
  }

  /// Calls `body` for each scalar value in the serialized `Event`, tag and plugin as raw bytes.
  /// - Throws: `Malformed` when the bytes are not a valid Event encoding.
  @inline(__always)
  package static func decodeRaw(_ event: UnsafeRawBufferPointer, _ body: (RawScalar) -> Void)
    throws(Malformed)
  {
    var reader = TensorBoardProtoReader(event)
    var wallTime = 0.0
    var step = 0
    // Writers put `summary` (field 5) last, so it is decoded at once; a summary followed by other
    // fields is kept until the end of the event so that its values still get the step.
    var early: [UnsafeRawBufferPointer] = []
    while !reader.isAtEnd {
      guard let (field, wire) = reader.readTag() else {
        throw Malformed(message: "bad field key in Event")
      }
      switch (field, wire) {
      case (1, .fixed64):
        guard let bits = reader.readFixed64() else {
          throw Malformed(message: "truncated wall_time")
        }
        wallTime = Double(bitPattern: bits)
      case (2, .varint):
        guard let raw = reader.readVarint() else { throw Malformed(message: "truncated step") }
        step = Int(truncatingIfNeeded: raw)
      case (5, .lengthDelimited):
        guard let summary = reader.readLengthDelimited() else {
          throw Malformed(message: "truncated summary")
        }
        if reader.isAtEnd {
          try decodeSummary(summary, step: step, wallTime: wallTime, body)
        } else {
          early.append(summary)
        }
      default:
        guard reader.skip(wire) else {
          throw Malformed(message: "truncated field \(field) in Event")
        }
      }
    }
    for summary in early { try decodeSummary(summary, step: step, wallTime: wallTime, body) }
  }

  private static func decodeSummary(
    _ summary: UnsafeRawBufferPointer, step: Int, wallTime: Double, _ body: (RawScalar) -> Void
  ) throws(Malformed) {
    var values = TensorBoardProtoReader(summary)
    while !values.isAtEnd {
      guard let (field, wire) = values.readTag() else {
        throw Malformed(message: "bad field key in Summary")
      }
      guard field == 1, wire == .lengthDelimited else {
        guard values.skip(wire) else { throw Malformed(message: "truncated field in Summary") }
        continue
      }
      guard let value = values.readLengthDelimited() else {
        throw Malformed(message: "truncated Summary.Value")
      }
      if let scalar = try decodeValue(value, step: step, wallTime: wallTime) { body(scalar) }
    }
  }

  private static func decodeValue(
    _ bytes: UnsafeRawBufferPointer, step: Int, wallTime: Double
  ) throws(Malformed) -> RawScalar? {
    var reader = TensorBoardProtoReader(bytes)
    var tag: UnsafeRawBufferPointer?
    var value: Double?
    var plugin: UnsafeRawBufferPointer?
    while !reader.isAtEnd {
      guard let (field, wire) = reader.readTag() else {
        throw Malformed(message: "bad field key in Summary.Value")
      }
      switch (field, wire) {
      case (1, .lengthDelimited):
        guard let text = reader.readLengthDelimited() else {
          throw Malformed(message: "truncated tag")
        }
        tag = text
      case (2, .fixed32):
        guard let bits = reader.readFixed32() else {
          throw Malformed(message: "truncated simple_value")
        }
        value = Double(Float(bitPattern: bits))
      case (8, .lengthDelimited):
        guard let tensor = reader.readLengthDelimited() else {
          throw Malformed(message: "truncated tensor")
        }
        value = try scalarValue(ofTensor: tensor)
      case (9, .lengthDelimited):
        guard let metadata = reader.readLengthDelimited() else {
          throw Malformed(message: "truncated metadata")
        }
        plugin = try pluginName(metadata)
      default:
        guard reader.skip(wire) else {
          throw Malformed(message: "truncated field \(field) in Summary.Value")
        }
      }
    }
    guard let tag else { return nil }
    let scalar = RawScalar(
      tag: tag, step: step, wallTime: wallTime, value: value ?? .nan, plugin: plugin)
    // Another plugin's value is reported (with NaN) so the parser remembers to skip this tag's
    // later values, which TF2 writes without metadata.
    if scalar.isOtherPlugin {
      return RawScalar(tag: tag, step: step, wallTime: wallTime, value: .nan, plugin: plugin)
    }
    return value == nil ? nil : scalar
  }

  private static func pluginName(_ bytes: UnsafeRawBufferPointer) throws(Malformed)
    -> UnsafeRawBufferPointer?
  {
    var reader = TensorBoardProtoReader(bytes)
    while !reader.isAtEnd {
      guard let (field, wire) = reader.readTag() else {
        throw Malformed(message: "bad field key in metadata")
      }
      guard field == 1, wire == .lengthDelimited else {
        guard reader.skip(wire) else { throw Malformed(message: "truncated metadata field") }
        continue
      }
      guard let pluginData = reader.readLengthDelimited() else {
        throw Malformed(message: "truncated plugin_data")
      }
      var inner = TensorBoardProtoReader(pluginData)
      while !inner.isAtEnd {
        guard let (innerField, innerWire) = inner.readTag() else {
          throw Malformed(message: "bad plugin_data")
        }
        if innerField == 1, innerWire == .lengthDelimited, let name = inner.readLengthDelimited() {
          return name
        }
        guard inner.skip(innerWire) else { throw Malformed(message: "truncated plugin_data field") }
      }
    }
    return nil
  }
}
