import Testing

@testable import DLTopEngine

/// The CSV files shipped in sample-data/ load as the sources describe (sample-data/README.md).
struct SampleDataTests {
  private func load(_ entry: String) throws -> CSVData {
    let sample = try #require(DatasetCatalog.samples.first { $0.name == entry })
    let directory = try #require(DatasetCatalog.sampleDataDirectory())
    return try CSVLoader.load(
      path: directory + "/" + sample.fileName,
      options: CSVOptions(labelKind: sample.labelKind, shape: sample.shape))
  }

  private func classCounts(_ data: CSVData) -> [Int] {
    var counts = [Int](repeating: 0, count: data.task.classNames?.count ?? 0)
    for label in data.set.targets.classLabelsOrEmpty { counts[label] += 1 }
    return counts
  }

  @Test func breastCancerHas357BenignAnd212Malignant() throws {
    let data = try load("breast-cancer")
    #expect(data.task.classNames == ["benign", "malignant"])
    #expect(classCounts(data) == [357, 212])
    #expect(data.set.features.shape == [569, 30])
    #expect(data.featureNames.first == "mean_radius")
  }

  @Test func irisWineAndDigitsHaveTheirKnownSizes() throws {
    let iris = try load("iris")
    #expect(classCounts(iris) == [50, 50, 50])
    #expect(iris.set.features.shape == [150, 4])
    let wine = try load("wine")
    #expect(classCounts(wine) == [59, 71, 48])
    #expect(wine.set.features.shape == [178, 13])
    let digits = try load("digits")
    #expect(digits.set.features.shape == [1797, 8, 8, 1])
    #expect(digits.task.classNames == (0..<10).map(String.init))
    #expect(digits.set.features.scalars.allSatisfy { $0 >= 0 && $0 <= 16 })
  }

  @Test func stockIsSeed004sTable() throws {
    let data = try load("stock")
    #expect(data.featureNames == ["open", "high", "volume", "low"])
    #expect(data.set.features.shape == [8, 4])
    // First row of the notes: 828.659973, 833.450012, 908100, 828.349976 → close 831.659973.
    #expect(
      Array(data.set.features.scalars[0..<4]) == [828.659973, 833.450012, 908_100, 828.349976])
    #expect(
      data.set.targets.gathered([0, 7])
        == .values(Tensor(shape: [2, 1], scalars: [831.659973, 809.559998])))
  }
}
