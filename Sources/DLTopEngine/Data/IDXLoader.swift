import CZlib
import Foundation

/// Reads IDX files (the MNIST / Fashion-MNIST layout), raw or gzip-compressed.
///
/// An IDX file is a big-endian header — a magic number `0x000008DD` (`08` = unsigned bytes,
/// `DD` = number of dimensions), then one `UInt32` per dimension — followed by the bytes.
/// Images are `0x00000803` (count, rows, columns) and labels `0x00000801` (count). The header's
/// sizes are checked against the (decompressed) file size, so a truncated download or the wrong
/// file is an error naming the file and the header field, never a crash or silent garbage.
package enum IDXLoader {
  /// The magic number of an IDX image file (unsigned bytes, 3 dimensions).
  package static let imageMagic: UInt32 = 0x0000_0803
  /// The magic number of an IDX label file (unsigned bytes, 1 dimension).
  package static let labelMagic: UInt32 = 0x0000_0801

  /// Loads an image file as `Float` pixels scaled from `0…255` to `[0, 1]`.
  ///
  /// - Returns: a tensor of shape `[count, rows, columns, 1]` (NHWC, one channel).
  /// - Throws: `DataFileError` for an unreadable file, a wrong magic number or a size mismatch.
  /// - Complexity: O(bytes); the whole file is read in large chunks, then converted in one loop.
  package static func loadImages(path: String) throws -> Tensor {
    try images(fromBytes: readAllBytes(path: path), path: path)
  }

  /// Parses the (decompressed) bytes of an image file; `path` only names the file in errors.
  package static func images(fromBytes bytes: [UInt8], path: String) throws -> Tensor {
    let dims = try header(
      bytes, path: path, magic: imageMagic, names: ["count", "rows", "columns"])
    guard dims[1] > 0, dims[2] > 0 else {
      throw DataFileError(
        path: path, line: 1, column: dims[1] == 0 ? "rows" : "columns",
        kind: .emptyImages(rows: dims[1], columns: dims[2]))
    }
    let count = dims[0]
    let pixels = count * dims[1] * dims[2]
    let start = 4 + 4 * dims.count
    let scalars = [Float](unsafeUninitializedCapacity: pixels) { out, initialized in
      bytes.withUnsafeBufferPointer { src in
        // Divide (not multiply by 1/255) so that 51 → 0.2 exactly as Float(51) / 255.
        for i in 0..<pixels { out[i] = Float(src[start + i]) / 255 }
      }
      initialized = pixels
    }
    return Tensor(shape: [count, dims[1], dims[2], 1], scalars: scalars)
  }

  /// Loads a label file as integers.
  ///
  /// - Parameter classCount: when given, every label must lie in `0..<classCount`.
  /// - Throws: `DataFileError` for an unreadable file, a wrong magic number, a size mismatch or
  ///   a label out of range.
  package static func loadLabels(path: String, classCount: Int? = nil) throws -> [Int] {
    try labels(fromBytes: readAllBytes(path: path), path: path, classCount: classCount)
  }

  /// Parses the (decompressed) bytes of a label file; `path` only names the file in errors.
  package static func labels(fromBytes bytes: [UInt8], path: String, classCount: Int? = nil) throws
    -> [Int]
  {
    let dims = try header(bytes, path: path, magic: labelMagic, names: ["count"])
    let labels = bytes[8..<(8 + dims[0])].map { Int($0) }
    if let classCount, let bad = labels.firstIndex(where: { $0 >= classCount }) {
      throw DataFileError(
        path: path, line: 1, column: "label[\(bad)]",
        kind: .labelOutOfRange(label: labels[bad], classCount: classCount))
    }
    return labels
  }

  /// Loads an image file and its label file as one set.
  ///
  /// - Throws: `DataFileError` also when the two files disagree on the sample count.
  package static func loadSet(imagesPath: String, labelsPath: String, classCount: Int? = nil)
    throws -> LabeledSet
  {
    let images = try loadImages(path: imagesPath)
    let labels = try loadLabels(path: labelsPath, classCount: classCount)
    guard images.rows == labels.count else {
      throw DataFileError(
        path: labelsPath, line: 1, column: "count",
        kind: .countMismatch(images: images.rows, labels: labels.count))
    }
    return LabeledSet(features: images, targets: .classes(labels))
  }

  /// Parses and checks the header; returns the dimensions.
  private static func header(_ bytes: [UInt8], path: String, magic: UInt32, names: [String])
    throws -> [Int]
  {
    let headerBytes = 4 + 4 * names.count
    guard bytes.count >= 4 else {
      throw DataFileError(
        path: path, line: 1, column: "magic",
        kind: .sizeMismatch(expectedBytes: headerBytes, foundBytes: bytes.count))
    }
    let found = bigEndianWord(bytes, at: 0)
    guard found == magic else {
      throw DataFileError(
        path: path, line: 1, column: "magic", kind: .badMagic(expected: magic, found: found))
    }
    guard bytes.count >= headerBytes else {
      throw DataFileError(
        path: path, line: 1, column: names[(bytes.count - 4) / 4],
        kind: .sizeMismatch(expectedBytes: headerBytes, foundBytes: bytes.count))
    }
    let dims = names.indices.map { Int(bigEndianWord(bytes, at: 4 + 4 * $0)) }
    // Each dimension is below 2³², so the product of three can overflow `Int`: such a header
    // promises more bytes than any file holds.
    var payload = 1
    for dim in dims {
      let (product, overflow) = payload.multipliedReportingOverflow(by: dim)
      payload = overflow ? Int.max - headerBytes : product
    }
    let expected = headerBytes + min(payload, Int.max - headerBytes)
    guard bytes.count == expected else {
      throw DataFileError(
        path: path, line: 1,
        column: "data (\(zip(names, dims).map { "\($0)=\($1)" }.joined(separator: ", ")))",
        kind: .sizeMismatch(expectedBytes: expected, foundBytes: bytes.count))
    }
    return dims
  }

  private static func bigEndianWord(_ bytes: [UInt8], at offset: Int) -> UInt32 {
    (UInt32(bytes[offset]) << 24) | (UInt32(bytes[offset + 1]) << 16)
      | (UInt32(bytes[offset + 2]) << 8) | UInt32(bytes[offset + 3])
  }

  /// The whole content of a file, decompressed when it is gzip (raw files pass through).
  ///
  /// Memory follows the bytes that actually arrive, never what a header or trailer claims: the
  /// gzip trailer's size field (ISIZE) sizes the first buffer only up to `initialCapacityLimit`
  /// (a truncated download's last four bytes are arbitrary), and the buffer doubles as data comes.
  /// The corresponding zlib calls are `gzopen`, `gzbuffer`, `gzread`, `gzerror` and `gzclose`.
  package static func readAllBytes(path: String) throws -> [UInt8] {
    guard FileManager.default.fileExists(atPath: path) else {
      throw DataFileError(
        path: path, line: 1, column: "file", kind: .unreadable(reason: "no such file"))
    }
    guard let file = gzopen(path, "rb") else {
      throw DataFileError(
        path: path, line: 1, column: "file", kind: .unreadable(reason: "gzopen failed"))
    }
    defer { gzclose(file) }
    gzbuffer(file, 1 << 20)
    var capacity = min(max(sizeHint(path: path), 1 << 16), initialCapacityLimit) + 1
    var bytes = [UInt8](repeating: 0, count: capacity)
    var filled = 0
    while true {
      if filled == capacity {
        capacity *= 2
        bytes.append(contentsOf: repeatElement(0, count: capacity - bytes.count))
      }
      let want = min(capacity - filled, 1 << 26)
      let got = bytes.withUnsafeMutableBytes { raw in
        gzread(file, raw.baseAddress! + filled, UInt32(want))
      }
      if got < 0 {
        var code: Int32 = 0
        let message = gzerror(file, &code).map { String(cString: $0) } ?? "read error"
        let reason =
          message.contains("unexpected end of file")
          ? "the gzip data ends early (truncated download?) after \(filled) bytes"
          : message
        throw DataFileError(path: path, line: 1, column: "file", kind: .unreadable(reason: reason))
      }
      if got == 0 { break }
      filled += Int(got)
    }
    bytes.removeSubrange(filled...)
    return bytes
  }

  /// The largest first buffer `readAllBytes` makes from a size hint (16 MiB; MNIST's 47 MB of
  /// training images take two doublings more).
  static let initialCapacityLimit = 16 << 20

  /// The expected decompressed size: the gzip ISIZE trailer (at most what deflate's best ratio,
  /// about 1032:1, can give for the file's size), or the file size for raw files.
  private static func sizeHint(path: String) -> Int {
    guard let handle = FileHandle(forReadingAtPath: path) else { return 0 }
    defer { try? handle.close() }
    guard let end = try? handle.seekToEnd(), end >= 4 else { return 0 }
    try? handle.seek(toOffset: 0)
    let magic = (try? handle.read(upToCount: 2)) ?? Data()
    guard magic.count == 2, magic[magic.startIndex] == 0x1F, magic[magic.startIndex + 1] == 0x8B
    else { return Int(end) }
    try? handle.seek(toOffset: end - 4)
    guard let trailer = try? handle.read(upToCount: 4), trailer.count == 4 else { return Int(end) }
    let b = Array(trailer)
    let claimed = Int(UInt32(b[0]) | UInt32(b[1]) << 8 | UInt32(b[2]) << 16 | UInt32(b[3]) << 24)
    return min(claimed, Int(end) * 1032)
  }
}
