import DLTopEngine
import DLTopMonitor

/// The bytes of `resume.bin`, the checkpoint `dltop train --resume RUN_DIR` continues from,
/// written to a temporary file and renamed over the old one at every epoch end. The layout is the
/// weights format's (see `WeightsFile`), with its own magic and more tensor kinds; integers
/// little-endian:
///
///     "DLTR"                      magic, 4 bytes
///     UInt32 version              1
///     UInt32 n, n bytes           metadata: one JSON object (UTF-8), see below
///     UInt32 count                number of tensors
///     count × tensor:
///       UInt32 n, n bytes         name (UTF-8): dense1.W, bn1.running_mean, order…
///       UInt8 kind                0 parameter, 1 inference state (BatchNorm running statistics),
///                                 2 best-weights parameter, 3 best-weights inference state,
///                                 4 optimizer's first buffer (velocity, squared-gradient sum,
///                                 Adam's m), 5 optimizer's second buffer (Adam's v),
///                                 6 the training samples' order (UInt32 values)
///       UInt32 rank, rank × UInt32 dimensions
///       ∏dimensions values        Float32 row-major (UInt32 for kind 6)
///     UInt32 crc                  CRC-32C (Castagnoli) of every byte before it
///
/// Metadata: `{"epoch", "global_step", "optimizer", "optimizer_steps": {name: t},
/// "rng": {"shuffle", "augmentation", "dropout": [{"layer", "state"}]}` (generator states as
/// decimal strings: JSON numbers lose bits above 2⁵³), `"lr_override": {"rate", "from_step"}|null,
/// "plateau": {"learning_rate", "best", "wait", "cooldown"}|null, "early_stopping": {"enabled",
/// "monitor", "best", "best_epoch", "wait"}, "run_log": {"bytes", "batch_stride"},
/// "elapsed_seconds", "arguments": […], "dltop"}`.
enum ResumeFile {
  static let fileName = "resume.bin"
  static let magic = Array("DLTR".utf8)
  static let version: UInt32 = 1
  typealias ReadError = WeightsFile.ReadError

  private enum Kind: UInt8 {
    case parameter = 0
    case inferenceState = 1
    case bestParameter = 2
    case bestInferenceState = 3
    case optimizerFirst = 4
    case optimizerSecond = 5
    case sampleOrder = 6
  }

  static func encode(_ state: ResumeState) -> [UInt8] {
    let checkpoint = state.checkpoint
    var bytes = magic
    ByteReader.append(version, to: &bytes)
    let text = Array(metadata(state).serialized().utf8)
    ByteReader.append(UInt32(text.count), to: &bytes)
    bytes += text
    var entries: [(String, Kind, [Int], [Float])] = []
    for tensor in checkpoint.model {
      entries.append(
        (
          tensor.name, tensor.isParameter ? .parameter : .inferenceState, tensor.tensor.shape,
          tensor.tensor.scalars
        ))
    }
    for tensor in checkpoint.bestWeights ?? [] {
      entries.append(
        (
          tensor.name, tensor.isParameter ? .bestParameter : .bestInferenceState,
          tensor.tensor.shape, tensor.tensor.scalars
        ))
    }
    for slot in checkpoint.optimizerSlots {
      entries.append((slot.parameter, .optimizerFirst, [slot.first.count], slot.first))
      if !slot.second.isEmpty {
        entries.append((slot.parameter, .optimizerSecond, [slot.second.count], slot.second))
      }
    }
    ByteReader.append(UInt32(entries.count + 1), to: &bytes)
    for (name, kind, shape, values) in entries {
      appendHeader(name: name, kind: kind, shape: shape, to: &bytes)
      bytes.reserveCapacity(bytes.count + 4 * values.count)
      for value in values { ByteReader.append(value.bitPattern, to: &bytes) }
    }
    appendHeader(
      name: "order", kind: .sampleOrder, shape: [checkpoint.sampleOrder.count], to: &bytes)
    for index in checkpoint.sampleOrder { ByteReader.append(UInt32(index), to: &bytes) }
    ByteReader.append(CRC32C.checksum(bytes), to: &bytes)
    return bytes
  }

  static func decode(_ bytes: [UInt8], path: String) throws(ReadError) -> ResumeState {
    func fail(_ message: String) -> ReadError { ReadError(path: path, message: message) }
    var reader = try FramedFile.open(
      bytes, path: path, magic: magic, kind: "resume", version: Self.version)
    guard let text = reader.string() else { throw fail("truncated metadata") }
    let meta: JSONValue
    do { meta = try JSONValue.parse(text) } catch { throw fail("metadata is not JSON: \(error)") }
    guard let count = reader.uint32() else { throw fail("truncated tensor count") }
    var model: [NamedTensor] = []
    var best: [NamedTensor] = []
    var firsts: [(String, [Float])] = []
    var seconds: [String: [Float]] = [:]
    var order: [Int]?
    for index in 0..<Int(count) {
      guard let name = reader.string(), let rawKind = reader.byte(), let rank = reader.uint32(),
        rank <= 8
      else { throw fail("tensor \(index + 1) of \(count): truncated header") }
      guard let kind = Kind(rawValue: rawKind) else {
        throw fail("tensor \(name): unknown kind \(rawKind)")
      }
      var shape: [Int] = []
      for _ in 0..<rank {
        guard let dimension = reader.uint32() else { throw fail("tensor \(name): truncated shape") }
        shape.append(Int(dimension))
      }
      let size = shape.reduce(1, *)
      if kind == .sampleOrder {
        guard let values = reader.uint32s(size) else { throw fail("\(name): truncated values") }
        order = values.map(Int.init)
        continue
      }
      guard let values = reader.floats(size) else { throw fail("tensor \(name): truncated values") }
      let tensor = Tensor(shape: shape, scalars: values)
      switch kind {
      case .parameter, .inferenceState:
        model.append(NamedTensor(name: name, tensor: tensor, isParameter: kind == .parameter))
      case .bestParameter, .bestInferenceState:
        best.append(NamedTensor(name: name, tensor: tensor, isParameter: kind == .bestParameter))
      case .optimizerFirst: firsts.append((name, values))
      case .optimizerSecond: seconds[name] = values
      case .sampleOrder: break
      }
    }
    guard reader.offset == reader.end else {
      throw fail("\(reader.end - reader.offset) bytes after the last tensor")
    }
    guard let order else { throw fail("no sample order") }
    return try state(
      meta, model: model, best: best, firsts: firsts, seconds: seconds, order: order, fail: fail)
  }

  private static func appendHeader(name: String, kind: Kind, shape: [Int], to bytes: inout [UInt8])
  {
    let text = Array(name.utf8)
    ByteReader.append(UInt32(text.count), to: &bytes)
    bytes += text
    bytes.append(kind.rawValue)
    ByteReader.append(UInt32(shape.count), to: &bytes)
    for dimension in shape { ByteReader.append(UInt32(dimension), to: &bytes) }
  }
}
