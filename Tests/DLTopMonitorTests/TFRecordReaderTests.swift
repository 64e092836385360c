import Testing

@testable import DLTopMonitor

struct TFRecordReaderTests {
  @Test func crc32cMatchesTheStandardCheckValue() {
    #expect(CRC32C.checksum(Array("123456789".utf8)) == 0xE306_9283)
    #expect(CRC32C.checksum([UInt8](repeating: 0, count: 32)) == 0x8A91_36AA)
    #expect(CRC32C.checksum([UInt8]()) == 0)
  }

  @Test func slicingByEightAgreesWithBytewiseCrcAtEveryLength() {
    let bytes = (0..<300).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
    for length in 0...bytes.count {
      #expect(CRC32C.checksum(bytes[..<length]) == bytewise(bytes[..<length]), "length \(length)")
    }
  }

  @Test func theProcessorsInstructionAndTheTablesAgreeAtEveryLengthAndAlignment() {
    let bytes = (0..<300).map { UInt8(truncatingIfNeeded: $0 &* 91 &+ 7) }
    bytes.withUnsafeBytes { all in
      for start in 0..<8 {
        for length in 0...(all.count - start) {
          let slice = UnsafeRawBufferPointer(rebasing: all[start..<start + length])
          let table = CRC32C.checksum(slice, method: .table)
          #expect(CRC32C.checksum(slice, method: .fastest) == table, "\(start)+\(length)")
          #expect(table == bytewise(bytes[start..<start + length]), "\(start)+\(length)")
        }
      }
    }
  }

  @Test func recordsAreFramedFromARealEventFile() {
    let file = WatchFixtures.string("tbx", "file") ?? ""
    var reader = TFRecordReader()
    var offsets: [Int] = []
    let problems = reader.feed(WatchFixtures.bytes(file)[...]) { _, offset in offsets.append(offset)
    }
    #expect(problems.isEmpty)
    #expect(offsets.count == WatchFixtures.integer("damaged", "record_count"))
    #expect(offsets.first == 0)
    #expect(reader.finish().isEmpty)
  }

  @Test func aCorruptRecordIsReportedWithItsOffsetAndSkipped() {
    let items = WatchFixtures.parse(
      "damaged/events.out.tfevents.corrupt", TensorBoardParser(path: "corrupt"))
    let issues = items.issues
    #expect(issues.count == 1)
    #expect(issues.first?.offset == WatchFixtures.integer("damaged", "corrupt_offset"))
    #expect(issues.first?.message.contains("bad data checksum") == true)
    #expect(items.epochRecords.map(\.epoch) == [0, 1, 2, 3, 4], "the other records are still read")
  }

  @Test func aCorruptLengthResynchronizesOnTheNextRecord() {
    let file = WatchFixtures.string("tbx", "file") ?? ""
    var bytes = WatchFixtures.bytes(file)
    var reader = TFRecordReader()
    var offsets: [Int] = []
    _ = reader.feed(bytes[...]) { _, offset in offsets.append(offset) }
    bytes[offsets[3] + 1] ^= 0x40  // inside the fourth record's length
    var damaged = TFRecordReader()
    var found: [Int] = []
    let problems = damaged.feed(bytes[...]) { _, offset in found.append(offset) }
    #expect(problems.map(\.offset) == [offsets[3]])
    #expect(problems.first?.message.contains("bad length checksum") == true)
    #expect(found == offsets.filter { $0 != offsets[3] })
  }

  @Test func aTruncatedFileKeepsItsLastRecordPendingUntilFinish() {
    var parser = TensorBoardParser(path: "truncated")
    let bytes = WatchFixtures.bytes("damaged/events.out.tfevents.truncated")
    let fed = parser.feed(bytes[...])
    #expect(fed.issues.isEmpty, "a half-written record waits for the rest")
    let finished = parser.finish()
    #expect(
      finished.issues.map(\.offset) == [WatchFixtures.integer("damaged", "last_record_offset")])
    #expect(finished.issues.first?.message.contains("file ends inside a record") == true)
  }

  private func bytewise(_ bytes: ArraySlice<UInt8>) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in bytes {
      crc ^= UInt32(byte)
      for _ in 0..<8 { crc = (crc & 1) != 0 ? (crc >> 1) ^ 0x82F6_3B78 : crc >> 1 }
    }
    return ~crc
  }
}

/// `TFRecordReader` frames a chunk where it lies and copies only a record cut by its end: fed in
/// any chunk size, damaged or not, it finds the same records and problems at the same offsets.
struct TFRecordReaderChunkTests {
  private func frame(_ bytes: [UInt8], chunk: Int) -> (records: [Int], problems: [Int]) {
    var reader = TFRecordReader()
    var records: [Int] = []
    var problems: [Int] = []
    var start = 0
    while start < bytes.count {
      let end = min(bytes.count, start + chunk)
      problems += reader.feed(bytes[start..<end]) { _, offset in records.append(offset) }
        .map(\.offset)
      start = end
    }
    problems += reader.finish().map(\.offset)
    return (records, problems)
  }

  @Test func anyChunkSizeFindsTheSameRecordsAndProblems() {
    let file = WatchFixtures.string("tbx", "file") ?? ""
    let intact = WatchFixtures.bytes(file)
    let whole = frame(intact, chunk: intact.count)
    var badLength = intact
    badLength[whole.records[3] + 1] ^= 0x40
    var badData = intact
    badData[whole.records[5] + 14] ^= 0x01
    let truncated = Array(intact.dropLast(7))
    for bytes in [intact, badLength, badData, truncated] {
      let reference = frame(bytes, chunk: bytes.count)
      for chunk in [1, 2, 11, 12, 13, 16, 31, 64, 100, 257, 1000] {
        let split = frame(bytes, chunk: chunk)
        #expect(split.records == reference.records, "chunk \(chunk)")
        #expect(split.problems == reference.problems, "chunk \(chunk)")
      }
    }
    #expect(frame(badLength, chunk: 1).problems == [whole.records[3]])
    #expect(frame(badData, chunk: 13).problems == [whole.records[5]])
    #expect(frame(truncated, chunk: 5).problems == [whole.records.last])
  }
}
