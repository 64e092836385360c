import Foundation
import Testing

@testable import DLTopEngine

struct DatasetLoaderTests {
  @Test func breastCancerLoadsWithMalignantAsPositiveAndStratifiedSplits() throws {
    let data = try DatasetLoader.load(name: "breast-cancer", seed: 1)
    #expect(data.classNames == ["benign", "malignant"])
    #expect(data.positiveClassName == "malignant")
    #expect(data.sampleShape == [30])
    #expect(data.splitSizes == .init(train: 398, validation: 86, test: 85, unused: 0))
    #expect(data.test?.count == 85)
    // 212 of 569 are malignant (37%); every split keeps that share within one sample.
    for set in [data.train, data.validation!] {
      let malignant = set.targets.classLabelsOrEmpty.filter { $0 == 1 }.count
      #expect(abs(Double(malignant) - Double(set.count) * 212 / 569) <= 1)
    }
  }

  @Test func normalizationUsesTrainingStatisticsOnly() throws {
    let data = try DatasetLoader.load(
      name: "iris", normalization: try NormalizationMode.parse("standard"), seed: 4)
    let stats = FeatureStatistics(data.train.features, perFeature: true)
    for j in 0..<4 {
      #expect(abs(stats.mean[j]) < 1e-5)
      #expect(abs(stats.variance[j] - 1) < 1e-4)
    }
    // The validation split was transformed with the train fit, so its mean is not forced to 0.
    let validation = FeatureStatistics(data.validation!.features, perFeature: true)
    #expect(validation.mean.contains { abs($0) > 1e-3 })
    // Refitting on train's raw values gives the stored normalizer.
    let raw = try DatasetLoader.load(
      name: "iris", normalization: try NormalizationMode.parse("none"), seed: 4)
    #expect(
      Normalizer.fit(raw.train.features, mode: .standard, perFeature: true) == data.normalizer)
  }

  @Test func testSetCanBeEvaluatedOnlyOnce() throws {
    let data = try DatasetLoader.load(name: "wine", split: try SplitSpec.parse("60:20:20"), seed: 2)
    let test = try #require(data.test)
    // 178 × 60:20:20 = 106.8 : 35.6 : 35.6 → 107 : 36 : 35 (largest remainders).
    #expect(try test.evaluateOnce { $0.count } == 35)
    #expect(test.isEvaluated)
    #expect(throws: HeldOutTestSet.AlreadyEvaluated.self) { try test.evaluateOnce { $0.count } }
  }

  @Test func twoPartsWithoutOfficialTestAreTrainAndTest() throws {
    let data = try DatasetLoader.load(name: "iris", split: try SplitSpec.parse("80:20"), seed: 1)
    #expect(data.validation == nil)
    #expect(data.splitSizes == .init(train: 120, validation: 0, test: 30, unused: 0))
    #expect(data.notes.contains { $0.contains("train:test") })
  }

  @Test func digitsAreEightByEightImages() throws {
    let data = try DatasetLoader.load(
      name: "digits", augmentation: try AugmentationSpec.parse("shift"), seed: 1)
    #expect(data.sampleShape == [8, 8, 1])
    #expect(data.isImage)
    #expect(data.classNames == (0..<10).map(String.init))
    #expect(data.positiveClass == nil)
  }

  @Test func stockIsRegressionOnClose() throws {
    let data = try DatasetLoader.load(name: "stock", seed: 1)
    #expect(data.task == .regression(outputs: 1))
    #expect(data.featureNames == ["open", "high", "volume", "low"])
    #expect(data.splitSizes.train + data.splitSizes.validation + data.splitSizes.test == 8)
  }

  @Test func spiralIsGeneratedFromTheSeed() throws {
    let a = try DatasetLoader.load(name: "spiral", seed: 9)
    let b = try DatasetLoader.load(name: "spiral", seed: 9)
    #expect(a.train == b.train)
    #expect(a.classNames.count == 2)
  }

  @Test func withoutDataNameFallsBackToDigitsAndSaysSo() throws {
    let data = try DatasetLoader.load(name: nil, seed: 1, fashionMNISTDirectory: "/nonexistent")
    #expect(data.name == "digits")
    #expect(data.notes.first?.contains("using digits") == true)
  }

  @Test func csvPathAndLabelColumnAreAccepted() throws {
    let dir = DatasetCatalog.sampleDataDirectory()!
    let data = try DatasetLoader.load(
      name: dir + "/iris.csv", split: try SplitSpec.parse("70:15:15"), labelColumn: "species",
      seed: 1)
    #expect(data.name == "iris")
    #expect(data.classNames == ["setosa", "versicolor", "virginica"])
  }

  @Test(
    arguments: [
      ("nonsense", nil, nil, nil, DataOption.data),
      ("iris", "70:30:10:5", nil, nil, .split),
      ("iris", nil, "flip", nil, .augmentation),
      ("iris", nil, nil, "dog", .positive),
    ] as [(String, String?, String?, String?, DataOption)])
  func badOptionsNameTheirOption(args: (String, String?, String?, String?, DataOption)) {
    let error = #expect(throws: DataOptionError.self) {
      try DatasetLoader.load(
        name: args.0, split: try args.1.map(SplitSpec.parse),
        augmentation: try args.2.map(AugmentationSpec.parse) ?? .none, positive: args.3)
    }
    #expect(error?.option == args.4)
  }

  @Test(.enabled(if: DatasetCatalog.isFashionMNISTInstalled()))
  func fashionMNISTUsesItsOfficialTestSplit() throws {
    let clock = ContinuousClock()
    let start = clock.now
    let data = try DatasetLoader.load(
      name: "fashion-mnist", split: try SplitSpec.parse("50000:10000"), seed: 1)
    // A figure for the record, not an assertion.
    print("fashion-mnist: load + split + normalize took \(clock.now - start)")
    #expect(data.splitSizes == .init(train: 50_000, validation: 10_000, test: 10_000, unused: 0))
    #expect(data.classNames.first == "T-shirt/top" && data.classNames.last == "Ankle boot")
    #expect(data.sampleShape == [28, 28, 1])
    #expect(throws: DataOptionError.self) {
      try DatasetLoader.load(name: "fashion-mnist", split: try SplitSpec.parse("70:15:15"))
    }
  }
}

extension DatasetLoaderTests {
  @Test func skippedCSVRowsAreAWarningNotSilence() throws {
    let path = fixturePath("bad-csv/nan.csv")
    #expect(throws: DataFileError.self) {
      try DatasetLoader.load(name: path, split: try SplitSpec.parse("1:1"))
    }
    let data = try DatasetLoader.load(
      name: path, split: try SplitSpec.parse("1:1"), skipBadRows: true)
    #expect(data.warnings.contains { $0.hasPrefix("skipped 1 bad row") })
    #expect(data.splitSizes.train + data.splitSizes.test == 2)
  }
}
