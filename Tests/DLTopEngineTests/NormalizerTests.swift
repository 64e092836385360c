import Testing

@testable import DLTopEngine

struct NormalizerTests {
  private let train = Tensor(shape: [4, 2], scalars: [1, 10, 2, 10, 3, 10, 4, 10])

  @Test func standardUsesTrainMeanAndDeviation() {
    let normalizer = Normalizer.fit(train, mode: .standard, perFeature: true)
    // Column 0: mean 2.5, population σ = √1.25. Column 1 is constant: σ 0, factor 1.
    #expect(normalizer.shift == [2.5, 10])
    #expect(abs(normalizer.factor[0] - 1 / Float(1.25).squareRoot()) < 1e-6)
    #expect(normalizer.factor[1] == 1)
    let other = Tensor(shape: [1, 2], scalars: [2.5, 12])
    #expect(normalizer.apply(other).scalars == [0, 2])
  }

  @Test func minmaxMapsTrainRangeToUnitAndHandlesZeroRange() {
    let normalizer = Normalizer.fit(train, mode: .minmax, perFeature: true)
    let scaled = normalizer.apply(train).scalars
    #expect(scaled == [0, 0, 1.0 / 3, 0, 2.0 / 3, 0, 1, 0])
    #expect(scaled.allSatisfy { $0.isFinite })
  }

  @Test func globalModeUsesOneValueForAllPixels() {
    let images = Tensor(shape: [2, 1, 2, 1], scalars: [0, 1, 0, 1])
    let normalizer = Normalizer.fit(images, mode: .standard, perFeature: false)
    #expect(normalizer.shift == [0.5])
    #expect(normalizer.apply(images).scalars == [-1, 1, -1, 1])
  }

  @Test func parseAcceptsTheThreeModesAndRejectsOthers() throws {
    #expect(try NormalizationMode.parse("standard") == .standard)
    #expect(try NormalizationMode.parse("minmax") == .minmax)
    #expect(try NormalizationMode.parse("none") == NormalizationMode.none)
    #expect(throws: DataOptionError.self) { try NormalizationMode.parse("l2") }
  }

  @Test func driftWarningNamesTheFeatureWhenMeansMoveFar() {
    let shifted = Tensor(shape: [2, 2], scalars: [9, 10, 8, 10])
    let warning = Normalizer.driftWarning(
      train: train, other: shifted, splitName: "test", featureNames: ["price", "size"],
      perFeature: true)
    #expect(warning?.contains("feature 'price'") == true)
    let similar = Tensor(shape: [2, 2], scalars: [2, 10, 3, 10])
    #expect(
      Normalizer.driftWarning(
        train: train, other: similar, splitName: "test", featureNames: nil, perFeature: true) == nil
    )
  }
}
