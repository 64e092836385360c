/// Decodes the parts of W&B's protobuf `Record` (`wandb/proto/wandb_internal.proto`) that hold
/// metrics, by hand from the wire format.
///
/// ```
/// message Record        { int64 num = 1; oneof { HistoryRecord history = 2; ConfigRecord config = 5; … } }
/// message HistoryRecord { repeated HistoryItem item = 1; HistoryStep step = 2; }
/// message HistoryItem   { string key = 1; repeated string nested_key = 2;
///                         oneof value { …; sint64 integer = 5; double number = 6; … }
///                         string value_json = 16; }
/// message HistoryStep   { int64 num = 1; }
/// message ConfigRecord  { repeated ConfigItem update = 1; … }
/// message RunRecord     { …; ConfigRecord config = 4; … }   // the configuration given to `wandb.init`
/// message ConfigItem    { string key = 1; repeated string nested_key = 2; string value_json = 16; }
/// ```
/// Every other record type (summary, output, stats, telemetry, files, run…) is skipped unread.
/// A `Record` carries some 40 record types, of which dltop needs two; skipping the rest by wire
/// type keeps this decoder small. It is tested against files the real `wandb` wrote.
package enum WandbRecordDecoder {
  /// What one record holds for dltop.
  package enum Content: Sendable, Equatable {
    /// One `wandb.log` call: its step and its items (`value_json` decoded to numbers; items that
    /// are not numbers — media, tables — are left out).
    case history(step: Int?, values: [String: Double])
    /// Configuration items (`wandb.config`), as text.
    case configuration([RunDescription.KeyValue])
    /// A record of another type.
    case other
  }

  /// Decodes one record's bytes.
  package static func decode(_ bytes: ArraySlice<UInt8>) throws(ProtobufWireReader.Malformed)
    -> Content
  {
    var reader = ProtobufWireReader(bytes)
    while let field = try reader.next() {
      switch (field.number, field.value) {
      case (2, .bytes(let history)): return try decodeHistory(history)
      case (5, .bytes(let config)): return .configuration(try decodeConfiguration(config))
      case (17, .bytes(let run)): return .configuration(try decodeRunConfiguration(run))
      default: continue
      }
    }
    return .other
  }

  private static func decodeHistory(_ bytes: ArraySlice<UInt8>) throws(ProtobufWireReader.Malformed)
    -> Content
  {
    var reader = ProtobufWireReader(bytes)
    var values: [String: Double] = [:]
    var step: Int?
    while let field = try reader.next() {
      switch (field.number, field.value) {
      case (1, .bytes(let item)):
        let decoded = try decodeItem(item)
        if let number = decoded.number ?? number(decoded.json) { values[decoded.key] = number }
      case (2, .bytes(let stepMessage)):
        var stepReader = ProtobufWireReader(stepMessage)
        while let stepField = try stepReader.next() {
          if stepField.number == 1, case .varint(let raw) = stepField.value {
            step = Int(truncatingIfNeeded: Int64(bitPattern: raw))
          }
        }
      default: continue
      }
    }
    if step == nil, let logged = values["_step"] {
      step = Int(exactly: logged.rounded(.towardZero))
    }
    return .history(step: step ?? 0, values: values)
  }

  private static func decodeRunConfiguration(_ bytes: ArraySlice<UInt8>) throws(ProtobufWireReader
    .Malformed)
    -> [RunDescription.KeyValue]
  {
    var reader = ProtobufWireReader(bytes)
    var pairs: [RunDescription.KeyValue] = []
    while let field = try reader.next() {
      if field.number == 4, case .bytes(let config) = field.value {
        pairs += try decodeConfiguration(config)
      }
    }
    return pairs
  }

  private static func decodeConfiguration(_ bytes: ArraySlice<UInt8>) throws(ProtobufWireReader
    .Malformed)
    -> [RunDescription.KeyValue]
  {
    var reader = ProtobufWireReader(bytes)
    var pairs: [RunDescription.KeyValue] = []
    while let field = try reader.next() {
      guard field.number == 1, case .bytes(let item) = field.value else { continue }
      let decoded = try decodeItem(item)
      guard !decoded.key.hasPrefix("_") else { continue }
      pairs.append(RunDescription.KeyValue(decoded.key, decoded.json))
    }
    return pairs
  }

  /// An item's key (nested keys joined with `.`, as W&B shows them), its JSON text, and its
  /// value when it comes in a typed field (`integer`, `number`) instead of as JSON.
  private static func decodeItem(_ bytes: ArraySlice<UInt8>) throws(ProtobufWireReader.Malformed)
    -> (key: String, json: String, number: Double?)
  {
    var reader = ProtobufWireReader(bytes)
    var key = ""
    var nested: [String] = []
    var json = ""
    var number: Double?
    while let field = try reader.next() {
      switch (field.number, field.value) {
      case (1, _): key = field.value.text ?? ""
      case (2, _): field.value.text.map { nested.append($0) }
      case (5, .varint(let raw)):  // sint64: zigzag
        number = Double(Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1))))
      case (6, .fixed64(let bits)): number = Double(bitPattern: bits)
      case (16, _): json = field.value.text ?? ""
      default: continue
      }
    }
    return (key.isEmpty ? nested.joined(separator: ".") : key, json, number)
  }

  /// The number a `value_json` spells (`0.5`, `NaN`, `Infinity`, `true` is not one).
  private static func number(_ json: String) -> Double? {
    if let value = JSONNumberText.parse(json) { return value }
    guard case .number(let value)? = try? JSONValue.parse(json) else { return nil }
    return value
  }
}
