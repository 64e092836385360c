import Testing

@testable import DLTopEngine

struct AugmentationSpecTests {
  /// Two 3×3 one-channel images with distinct pixels.
  private let batch = Tensor(shape: [2, 3, 3, 1], scalars: (0..<18).map(Float.init))

  @Test func parseReadsTheCommaList() throws {
    let spec = try AugmentationSpec.parse("flip,shift,rotate,brightness")
    #expect(
      spec.horizontalFlip && spec.shift && spec.rotate && spec.brightness && !spec.verticalFlip)
    #expect(try AugmentationSpec.parse("hflip,vflip").description == "hflip,vflip")
    #expect(try AugmentationSpec.parse("none").isEmpty)
    let error = #expect(throws: DataOptionError.self) { try AugmentationSpec.parse("flip,zoom") }
    #expect(error?.description.contains("'zoom'") == true)
  }

  @Test func horizontalFlipMirrorsColumnsExactly() {
    // With flips on, each sample is either unchanged or exactly mirrored.
    let spec = AugmentationSpec(horizontalFlip: true)
    var rng = SeededGenerator(seed: 3)
    var sawFlip = false
    for _ in 0..<8 {
      var out = batch
      spec.augment(&out, using: &rng)
      for sample in 0..<2 {
        let original = Array(batch.scalars[(sample * 9)..<(sample * 9 + 9)])
        let mirrored = (0..<3).flatMap { row in original[(row * 3)..<(row * 3 + 3)].reversed() }
        let result = Array(out.scalars[(sample * 9)..<(sample * 9 + 9)])
        #expect(result == original || result == mirrored)
        sawFlip = sawFlip || result == mirrored
      }
    }
    #expect(sawFlip)
  }

  @Test func verticalFlipMirrorsRowsExactly() {
    let spec = AugmentationSpec(verticalFlip: true)
    var rng = SeededGenerator(seed: 5)
    var out = Tensor(shape: [1, 3, 3, 1], scalars: (0..<9).map(Float.init))
    var flipped = false
    for _ in 0..<8 where !flipped {
      var candidate = Tensor(shape: [1, 3, 3, 1], scalars: (0..<9).map(Float.init))
      spec.augment(&candidate, using: &rng)
      flipped = candidate.scalars != out.scalars
      if flipped { out = candidate }
    }
    #expect(out.scalars == [6, 7, 8, 3, 4, 5, 0, 1, 2])
  }

  @Test func everyTransformKeepsTheShapeAndFiniteValues() throws {
    let spec = try AugmentationSpec.parse("hflip,vflip,shift,rotate,brightness")
    var rng = SeededGenerator(seed: 11)
    var images = Tensor(shape: [4, 8, 8, 2], scalars: (0..<512).map { Float($0 % 17) / 16 })
    spec.augment(&images, using: &rng)
    #expect(images.shape == [4, 8, 8, 2])
    #expect(images.scalars.allSatisfy { $0.isFinite })
  }

  @Test func brightnessShiftsAllPixelsOfASampleByOneSmallOffset() {
    let spec = AugmentationSpec(brightness: true)
    var rng = SeededGenerator(seed: 2)
    var out = batch
    spec.augment(&out, using: &rng)
    let offset = out.scalars[0] - batch.scalars[0]
    #expect(abs(offset) <= 0.1)
    #expect(
      zip(out.scalars[0..<9], batch.scalars[0..<9]).allSatisfy { abs(($0 - $1) - offset) < 1e-5 })
  }

  @Test func shiftMovesContentByWholePixelsWithEdgeRepeat() {
    // A vertical bar in column 2 of a 5×5 image; after a shift it stays a vertical bar.
    var spec = AugmentationSpec(shift: true)
    spec.maxShift = 2
    var rng = SeededGenerator(seed: 9)
    var image = Tensor(shape: [1, 5, 5, 1], scalars: (0..<25).map { $0 % 5 == 2 ? 1 : 0 })
    spec.augment(&image, using: &rng)
    let columns = (0..<5).map { x in (0..<5).map { y in image.scalars[y * 5 + x] } }
    #expect(columns.allSatisfy { Set($0).count == 1 })
    #expect(image.scalars.reduce(0, +) == 5)
  }
}
