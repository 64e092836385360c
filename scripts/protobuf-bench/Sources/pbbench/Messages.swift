import SwiftProtobuf

// Hand-written in the shape protoc-gen-swift generates (no plugin build): the four messages of
// wandb_internal.proto that hold history. Other Record fields are kept as unknown fields.
struct HistoryStep: Message, _MessageImplementationBase, _ProtoNameProviding {
  static let protoMessageName = "wandb_internal.HistoryStep"
  static let _protobuf_nameMap: _NameMap = [1: .same(proto: "num")]
  var num: Int64 = 0
  var unknownFields = UnknownStorage()
  init() {}
  mutating func decodeMessage<D: Decoder>(decoder: inout D) throws {
    while let n = try decoder.nextFieldNumber() {
      if n == 1 { try decoder.decodeSingularInt64Field(value: &num) }
    }
  }
  func traverse<V: Visitor>(visitor: inout V) throws {
    if num != 0 { try visitor.visitSingularInt64Field(value: num, fieldNumber: 1) }
    try unknownFields.traverse(visitor: &visitor)
  }
  static func == (a: Self, b: Self) -> Bool { a.num == b.num && a.unknownFields == b.unknownFields }
}

struct HistoryItem: Message, _MessageImplementationBase, _ProtoNameProviding {
  static let protoMessageName = "wandb_internal.HistoryItem"
  static let _protobuf_nameMap: _NameMap = [1: .same(proto: "key"), 2: .standard(proto: "nested_key"), 16: .standard(proto: "value_json")]
  var key = ""
  var nestedKey: [String] = []
  var valueJSON = ""
  var unknownFields = UnknownStorage()
  init() {}
  mutating func decodeMessage<D: Decoder>(decoder: inout D) throws {
    while let n = try decoder.nextFieldNumber() {
      switch n {
      case 1: try decoder.decodeSingularStringField(value: &key)
      case 2: try decoder.decodeRepeatedStringField(value: &nestedKey)
      case 16: try decoder.decodeSingularStringField(value: &valueJSON)
      default: break
      }
    }
  }
  func traverse<V: Visitor>(visitor: inout V) throws {
    if !key.isEmpty { try visitor.visitSingularStringField(value: key, fieldNumber: 1) }
    if !nestedKey.isEmpty { try visitor.visitRepeatedStringField(value: nestedKey, fieldNumber: 2) }
    if !valueJSON.isEmpty { try visitor.visitSingularStringField(value: valueJSON, fieldNumber: 16) }
    try unknownFields.traverse(visitor: &visitor)
  }
  static func == (a: Self, b: Self) -> Bool { a.key == b.key && a.nestedKey == b.nestedKey && a.valueJSON == b.valueJSON }
}

struct HistoryRecord: Message, _MessageImplementationBase, _ProtoNameProviding {
  static let protoMessageName = "wandb_internal.HistoryRecord"
  static let _protobuf_nameMap: _NameMap = [1: .same(proto: "item"), 2: .same(proto: "step")]
  var item: [HistoryItem] = []
  var step: HistoryStep?
  var unknownFields = UnknownStorage()
  init() {}
  mutating func decodeMessage<D: Decoder>(decoder: inout D) throws {
    while let n = try decoder.nextFieldNumber() {
      switch n {
      case 1: try decoder.decodeRepeatedMessageField(value: &item)
      case 2: try decoder.decodeSingularMessageField(value: &step)
      default: break
      }
    }
  }
  func traverse<V: Visitor>(visitor: inout V) throws {
    if !item.isEmpty { try visitor.visitRepeatedMessageField(value: item, fieldNumber: 1) }
    if let step { try visitor.visitSingularMessageField(value: step, fieldNumber: 2) }
    try unknownFields.traverse(visitor: &visitor)
  }
  static func == (a: Self, b: Self) -> Bool { a.item == b.item && a.step == b.step }
}

struct Record: Message, _MessageImplementationBase, _ProtoNameProviding {
  static let protoMessageName = "wandb_internal.Record"
  static let _protobuf_nameMap: _NameMap = [1: .same(proto: "num"), 2: .same(proto: "history")]
  var num: Int64 = 0
  var history: HistoryRecord?
  var unknownFields = UnknownStorage()
  init() {}
  mutating func decodeMessage<D: Decoder>(decoder: inout D) throws {
    while let n = try decoder.nextFieldNumber() {
      switch n {
      case 1: try decoder.decodeSingularInt64Field(value: &num)
      case 2: try decoder.decodeSingularMessageField(value: &history)
      default: break
      }
    }
  }
  func traverse<V: Visitor>(visitor: inout V) throws {
    if num != 0 { try visitor.visitSingularInt64Field(value: num, fieldNumber: 1) }
    if let history { try visitor.visitSingularMessageField(value: history, fieldNumber: 2) }
    try unknownFields.traverse(visitor: &visitor)
  }
  static func == (a: Self, b: Self) -> Bool { a.num == b.num && a.history == b.history }
}
