import DLTopEngine

/// The bytes of `best-weights.bin`: magic `DLTW`, version 1, the parameter count, then for each
/// parameter its name (UInt32 length + UTF-8), rank, dimensions (UInt32 each) and Float32 values,
/// all little-endian.
enum WeightsFile {
  static func encode(_ model: Sequential) -> [UInt8] {
    var bytes = Array("DLTW".utf8)
    append(UInt32(1), to: &bytes)
    let parameters = model.parameters
    append(UInt32(parameters.count), to: &bytes)
    for parameter in parameters {
      let name = Array(parameter.name.utf8)
      append(UInt32(name.count), to: &bytes)
      bytes += name
      append(UInt32(parameter.value.shape.count), to: &bytes)
      for dimension in parameter.value.shape { append(UInt32(dimension), to: &bytes) }
      for value in parameter.value.scalars { append(value.bitPattern, to: &bytes) }
    }
    return bytes
  }

  private static func append(_ value: UInt32, to bytes: inout [UInt8]) {
    withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
  }
}
