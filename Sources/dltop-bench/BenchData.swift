import CZlib
import DLTopEngine

/// The 60,000 training samples the MLP bench times: Fashion-MNIST when the Debian package
/// `dataset-fashion-mnist` is installed, else seeded random data of the same shape (the timing
/// does not depend on the values).
struct BenchData {
  static let imagesPath = "/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz"
  static let labelsPath = "/usr/share/datasets/fashion-mnist/train-labels-idx1-ubyte.gz"

  let set: LabeledSet
  /// `fashion-mnist` or `random`.
  let source: String

  /// The same samples as 28×28×1 images (NHWC), for convolutional models.
  var images: LabeledSet {
    LabeledSet(features: set.features.reshaped(to: [set.count, 28, 28, 1]), targets: set.targets)
  }

  /// The first `count` samples as `[count, 784]` in [0, 1] with labels 0…9.
  static func load(count: Int, seed: UInt64) -> BenchData {
    if let images = readGzip(imagesPath, bytes: 16 + count * 784),
      let labels = readGzip(labelsPath, bytes: 8 + count),
      bigEndian(images, at: 0) == 0x0803, bigEndian(images, at: 4) >= count,
      bigEndian(labels, at: 0) == 0x0801
    {
      let pixels = images[16...].map { Float($0) / 255 }
      let classes = labels[8...].map { Int($0) }
      let set = LabeledSet(
        features: Tensor(shape: [count, 784], scalars: pixels), targets: .classes(classes))
      return BenchData(set: set, source: "fashion-mnist")
    }
    var generator = SeededGenerator(seed: seed)
    let pixels = (0..<(count * 784)).map { _ in generator.nextUnitFloat() }
    let classes = (0..<count).map { _ in Int(generator.next() % 10) }
    let set = LabeledSet(
      features: Tensor(shape: [count, 784], scalars: pixels), targets: .classes(classes))
    return BenchData(set: set, source: "random")
  }

  /// The first `bytes` decompressed bytes of a gzip file, or nil if it is missing or shorter.
  private static func readGzip(_ path: String, bytes: Int) -> [UInt8]? {
    guard let file = gzopen(path, "rb") else { return nil }
    defer { gzclose(file) }
    var buffer = [UInt8](repeating: 0, count: bytes)
    var filled = 0
    while filled < bytes {
      let read = buffer.withUnsafeMutableBytes { raw in
        gzread(file, raw.baseAddress! + filled, UInt32(min(bytes - filled, 1 << 30)))
      }
      if read <= 0 { return nil }
      filled += Int(read)
    }
    return buffer
  }

  private static func bigEndian(_ bytes: [UInt8], at offset: Int) -> Int {
    (0..<4).reduce(0) { $0 << 8 | Int(bytes[offset + $1]) }
  }
}
