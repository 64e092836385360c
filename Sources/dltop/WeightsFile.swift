import DLTopEngine
import DLTopMonitor

/// The bytes of `best-weights.bin` and `last-weights.bin` (format version 2, documented in the
/// README), all integers little-endian:
///
///     "DLTW"                      magic, 4 bytes
///     UInt32 version              2
///     UInt32 n, n bytes           metadata: one JSON object (UTF-8), see `WeightsMetadata`
///     UInt32 count                number of tensors
///     count × tensor:
///       UInt32 n, n bytes         name (UTF-8): dense1.W, bn1.gamma, bn1.running_mean…
///       UInt8 kind                0 = trainable parameter, 1 = inference state (BatchNorm running statistics)
///       UInt32 rank, rank × UInt32 dimensions
///       Float32 × ∏dimensions     values, row-major
///     UInt32 crc                  CRC-32C (Castagnoli) of every byte before it
///
/// Version 1 (dltop 0.1.0) had no metadata, kinds or checksum and left BatchNorm's running
/// statistics out; it is not read.
enum WeightsFile {
  static let magic = Array("DLTW".utf8)
  static let version: UInt32 = 2

  /// What a weights file holds.
  struct Contents: Sendable {
    var metadata: JSONValue
    var tensors: [NamedTensor]
  }

  /// Why a weights file cannot be read, naming the file.
  struct ReadError: Error, CustomStringConvertible {
    var path: String
    var message: String
    var description: String { "\(path): \(message)" }
  }

  static func encode(_ model: Sequential, metadata: JSONValue) -> [UInt8] {
    var bytes = magic
    append(version, to: &bytes)
    let text = Array(metadata.serialized().utf8)
    append(UInt32(text.count), to: &bytes)
    bytes += text
    let tensors = model.namedTensors
    append(UInt32(tensors.count), to: &bytes)
    for tensor in tensors {
      let name = Array(tensor.name.utf8)
      append(UInt32(name.count), to: &bytes)
      bytes += name
      bytes.append(tensor.isParameter ? 0 : 1)
      append(UInt32(tensor.tensor.shape.count), to: &bytes)
      for dimension in tensor.tensor.shape { append(UInt32(dimension), to: &bytes) }
      bytes.reserveCapacity(bytes.count + 4 * tensor.tensor.count)
      for value in tensor.tensor.scalars { append(value.bitPattern, to: &bytes) }
    }
    append(CRC32C.checksum(bytes), to: &bytes)
    return bytes
  }

  static func decode(_ bytes: [UInt8], path: String) throws(ReadError) -> Contents {
    func fail(_ message: String) -> ReadError { ReadError(path: path, message: message) }
    var reader = try FramedFile.open(
      bytes, path: path, magic: magic, kind: "weights", version: Self.version,
      versionAdvice: " (train again to write it)")
    guard let metadataText = reader.string() else { throw fail("truncated metadata") }
    let metadata: JSONValue
    do {
      metadata = try JSONValue.parse(metadataText)
    } catch {
      throw fail("metadata is not JSON: \(error)")
    }
    guard let count = reader.uint32() else { throw fail("truncated tensor count") }
    var tensors: [NamedTensor] = []
    for index in 0..<Int(count) {
      guard let name = reader.string(), let kind = reader.byte(), let rank = reader.uint32(),
        rank <= 8
      else { throw fail("tensor \(index + 1) of \(count): truncated header") }
      var shape: [Int] = []
      for _ in 0..<rank {
        guard let dimension = reader.uint32() else { throw fail("tensor \(name): truncated shape") }
        shape.append(Int(dimension))
      }
      let size = shape.reduce(1, *)
      guard let scalars = reader.floats(size) else {
        throw fail("tensor \(name): truncated values")
      }
      tensors.append(
        NamedTensor(
          name: name, tensor: Tensor(shape: shape, scalars: scalars), isParameter: kind == 0))
    }
    guard reader.offset == reader.end else {
      throw fail("\(reader.end - reader.offset) bytes after the last tensor")
    }
    return Contents(metadata: metadata, tensors: tensors)
  }

  private static func append(_ value: UInt32, to bytes: inout [UInt8]) {
    ByteReader.append(value, to: &bytes)
  }
}
