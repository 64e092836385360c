import DLTopBenchSupport
import Testing

@testable import DLTopMonitor

/// Hand-built protobuf bytes for the cases the real fixtures do not cover.
struct TensorBoardEventDecoderTests {
  private func field(_ number: UInt64, _ payload: [UInt8]) -> [UInt8] {
    [UInt8(number << 3 | 2)] + WatchBenchmark.varint(UInt64(payload.count)) + payload
  }

  private func event(
    step: Int, tag: String, tensor: [UInt8]? = nil, simple: Float? = nil, plugin: String? = nil
  )
    -> [UInt8]
  {
    var value = field(1, Array(tag.utf8))
    if let simple {
      value += [0x15] + withUnsafeBytes(of: simple.bitPattern.littleEndian) { Array($0) }
    }
    if let tensor { value += field(8, tensor) }
    if let plugin { value += field(9, field(1, field(1, Array(plugin.utf8)))) }
    return [0x10] + WatchBenchmark.varint(UInt64(step)) + field(5, field(1, value))
  }

  private func scalars(_ bytes: [UInt8]) throws -> [TensorBoardEventDecoder.Scalar] {
    var found: [TensorBoardEventDecoder.Scalar] = []
    try bytes.withUnsafeBytes { raw in try TensorBoardEventDecoder.decode(raw) { found.append($0) }
    }
    return found
  }

  @Test func everyEncodingOfAOneElementTensorIsAScalar() throws {
    let double = withUnsafeBytes(of: (0.125).bitPattern.littleEndian) { Array($0) }
    let shapeOne = field(2, field(2, [0x08, 0x01]))  // tensor_shape { dim { size: 1 } }
    let cases: [([UInt8], Double)] = [
      ([0x08, 0x02] + field(4, double), 0.125),  // DT_DOUBLE, tensor_content
      ([0x08, 0x02, 0x31] + double, 0.125),  // DT_DOUBLE, unpacked double_val
      ([0x08, 0x09, 0x50, 0x2A], 42),  // DT_INT64, unpacked int64_val
      ([0x08, 0x03] + field(7, [0x07]), 7),  // DT_INT32, packed int_val
      (
        [0x08, 0x01] + shapeOne + [0x2D] + withUnsafeBytes(of: Float(2.5).bitPattern) { Array($0) },
        2.5
      ),
    ]
    for (tensor, expected) in cases {
      let found = try scalars(event(step: 3, tag: "x", tensor: tensor))
      #expect(found.map(\.value) == [expected])
      #expect(found.first?.step == 3)
    }
  }

  @Test func tensorsOfSeveralElementsOrStringsAreSkipped() throws {
    let shape = field(2, field(2, [0x08, 0x02]) + field(2, [0x08, 0x03]))  // [2, 3]
    #expect(try scalars(event(step: 0, tag: "h", tensor: [0x08, 0x02] + shape)).isEmpty)
    #expect(
      try scalars(event(step: 0, tag: "t", tensor: [0x08, 0x07] + field(8, Array("hi".utf8))))
        .isEmpty)
  }

  @Test func anotherPluginsTagIsSkippedEvenWithoutMetadataLater() {
    var bytes: [UInt8] = []
    WatchBenchmark.appendRecord(
      &bytes,
      event(step: 0, tag: "_hparams_/x", tensor: [0x08, 0x01, 0x2D, 0, 0, 0, 0], plugin: "hparams"))
    WatchBenchmark.appendRecord(
      &bytes, event(step: 1, tag: "_hparams_/x", tensor: [0x08, 0x01, 0x2D, 0, 0, 0, 0]))
    WatchBenchmark.appendRecord(&bytes, event(step: 1, tag: "loss", simple: 0.5))
    var parser = TensorBoardParser(path: "events.out.tfevents.x")
    let items = parser.feed(bytes[...]) + parser.finish()
    #expect(items.epochRecords.map(\.metrics) == [["loss": 0.5]])
    #expect(parser.metricNames == ["loss"])
  }

  @Test func aMalformedEventIsAnIssueNotACrash() {
    var bytes: [UInt8] = []
    WatchBenchmark.appendRecord(&bytes, [0x2A, 0x10, 0x01])  // summary claims 16 bytes, has 1
    WatchBenchmark.appendRecord(&bytes, event(step: 0, tag: "loss", simple: 1))
    var parser = TensorBoardParser(path: "e")
    let items = parser.feed(bytes[...]) + parser.finish()
    #expect(items.issues.map(\.offset) == [0])
    #expect(items.issues.first?.field == "Event")
    #expect(items.epochRecords.count == 1)
  }

  @Test func lightningTensorBoardEpochCounterGivesTheEpoch() {
    var bytes: [UInt8] = []
    for step in [9, 19] {
      WatchBenchmark.appendRecord(&bytes, event(step: step, tag: "train_loss_step", simple: 0.5))
      WatchBenchmark.appendRecord(
        &bytes, event(step: step, tag: "val_loss", simple: Float(step) / 100))
      WatchBenchmark.appendRecord(&bytes, event(step: step, tag: "epoch", simple: Float(step / 10)))
    }
    var parser = TensorBoardParser(path: "e")
    let items = parser.feed(bytes[...]) + parser.finish()
    #expect(items.epochRecords.map(\.epoch) == [0, 1])
    #expect(items.epochRecords.map(\.validationLoss) == [Double(Float(0.09)), Double(Float(0.19))])
  }
}
