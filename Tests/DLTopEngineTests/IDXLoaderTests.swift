import CZlib
import Foundation
import Testing

@testable import DLTopEngine

struct IDXLoaderTests {
  /// A fresh temporary directory for one test.
  private func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "idx-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  private func header(magic: UInt32, dims: [UInt32]) -> [UInt8] {
    ([magic] + dims).flatMap { word in (0..<4).map { UInt8((word >> (24 - 8 * $0)) & 0xFF) } }
  }

  /// Writes `bytes` gzip-compressed with zlib.
  private func writeGzip(_ bytes: [UInt8], to path: String) {
    let file = gzopen(path, "wb")
    _ = bytes.withUnsafeBytes { gzwrite(file, $0.baseAddress, UInt32($0.count)) }
    gzclose(file)
  }

  @Test func rawImagesAreScaledToUnitRangeInNHWC() throws {
    let dir = try temporaryDirectory()
    let path = dir.appendingPathComponent("img").path
    let pixels: [UInt8] = [0, 255, 51, 102, 0, 0, 0, 255]  // 2 images of 2×2
    _ = FileManager.default.createFile(
      atPath: path, contents: Data(header(magic: 0x803, dims: [2, 2, 2]) + pixels))
    let images = try IDXLoader.loadImages(path: path)
    #expect(images.shape == [2, 2, 2, 1])
    #expect(images.scalars == pixels.map { Float($0) / 255 })
  }

  @Test func gzipFilesAreDecompressedWithZlib() throws {
    let dir = try temporaryDirectory()
    let images = dir.appendingPathComponent("train-images-idx3-ubyte.gz").path
    let labels = dir.appendingPathComponent("train-labels-idx1-ubyte.gz").path
    writeGzip(header(magic: 0x803, dims: [3, 1, 2]) + [1, 2, 3, 4, 5, 6], to: images)
    writeGzip(header(magic: 0x801, dims: [3]) + [2, 0, 1], to: labels)
    let set = try IDXLoader.loadSet(imagesPath: images, labelsPath: labels)
    #expect(set.features.shape == [3, 1, 2, 1])
    #expect(set.targets == .classes([2, 0, 1]))
    #expect(DatasetCatalog.idxFiles(in: dir.path)?.trainImages == images)
    // The directory is also a data set for --data; labels 0…2 give three classes.
    let data = try DatasetLoader.load(name: dir.path, split: try SplitSpec.parse("2:1"), seed: 1)
    #expect(data.classNames == ["0", "1", "2"])
    #expect(data.isImage && data.sampleShape == [1, 2, 1])
    #expect(data.splitSizes == .init(train: 2, validation: 0, test: 1, unused: 0))
  }

  @Test func badMagicNamesTheMagicField() throws {
    let dir = try temporaryDirectory()
    let path = dir.appendingPathComponent("labels").path
    _ = FileManager.default.createFile(
      atPath: path, contents: Data(header(magic: 0x803, dims: [1]) + [0]))
    let error = #expect(throws: DataFileError.self) { try IDXLoader.loadLabels(path: path) }
    #expect(error?.column == "magic")
    #expect(
      error?.description
        == "\(path):1: column 'magic': magic number is 0x00000803, expected 0x00000801")
  }

  @Test func truncatedGzipImageFileIsASizeMismatch() throws {
    let dir = try temporaryDirectory()
    let path = dir.appendingPathComponent("images.gz").path
    writeGzip(
      header(magic: 0x803, dims: [10, 28, 28]) + [UInt8](repeating: 7, count: 28 * 28 * 9), to: path
    )
    let error = #expect(throws: DataFileError.self) { try IDXLoader.loadImages(path: path) }
    #expect(error?.kind == .sizeMismatch(expectedBytes: 16 + 7840, foundBytes: 16 + 7056))
    #expect(error?.description.contains("count=10, rows=28, columns=28") == true)
  }

  @Test func gzipStreamCutShortIsAnError() throws {
    let dir = try temporaryDirectory()
    let whole = dir.appendingPathComponent("whole.gz").path
    let cut = dir.appendingPathComponent("cut.gz").path
    let noise = (0..<20_000).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 13) }
    writeGzip(header(magic: 0x803, dims: [25, 28, 28]) + noise[0..<19_600], to: whole)
    let bytes = try Data(contentsOf: URL(fileURLWithPath: whole))
    _ = FileManager.default.createFile(atPath: cut, contents: bytes.prefix(bytes.count / 2))
    let error = #expect(throws: DataFileError.self) { try IDXLoader.loadImages(path: cut) }
    #expect(error?.path == cut)
  }

  @Test func truncatedHeaderIsAnErrorNotACrash() throws {
    let dir = try temporaryDirectory()
    let path = dir.appendingPathComponent("short").path
    _ = FileManager.default.createFile(atPath: path, contents: Data([0, 0, 8, 3, 0, 0]))
    let error = #expect(throws: DataFileError.self) { try IDXLoader.loadImages(path: path) }
    #expect(error?.column == "count")
  }

  @Test func missingFileIsUnreadable() {
    let error = #expect(throws: DataFileError.self) {
      try IDXLoader.loadImages(path: "/nonexistent/x.gz")
    }
    #expect(error?.kind == .unreadable(reason: "no such file"))
  }

  @Test func mismatchedImageAndLabelCountsAreRejected() throws {
    let dir = try temporaryDirectory()
    let images = dir.appendingPathComponent("i").path
    let labels = dir.appendingPathComponent("l").path
    _ = FileManager.default.createFile(
      atPath: images, contents: Data(header(magic: 0x803, dims: [2, 1, 1]) + [1, 2]))
    _ = FileManager.default.createFile(
      atPath: labels, contents: Data(header(magic: 0x801, dims: [3]) + [0, 1, 0]))
    let error = #expect(throws: DataFileError.self) {
      try IDXLoader.loadSet(imagesPath: images, labelsPath: labels)
    }
    #expect(error?.kind == .countMismatch(images: 2, labels: 3))
  }
}
