import Testing

@testable import DLTopEngine

/// Seed 004's stock table: all 8 rows train, and the regression target is scaled like the features.
struct StockExampleDataTests {
  @Test func stockTrainsOnEveryRowByDefault() throws {
    let data = try DatasetLoader.load(name: "stock", seed: 1)
    #expect(data.splitSizes == .init(train: 8, validation: 0, test: 0, unused: 0))
    #expect(data.validation == nil && data.test == nil)
    #expect(data.split.description == "all")
  }

  @Test func regressionTargetsAreMinMaxScaledWithTrainingStatistics() throws {
    let data = try DatasetLoader.load(
      name: "stock", normalization: try NormalizationMode.parse("minmax"), seed: 1)
    guard case .values(let targets) = data.train.targets else {
      Issue.record("stock must have real-valued targets")
      return
    }
    // close ranges from 809.559998 to 831.659973: min-max maps it onto [0, 1] exactly.
    #expect(targets.scalars.min() == 0)
    #expect(targets.scalars.max() == 1)
    #expect(data.notes.contains { $0.contains("regression targets normalized minmax") })
  }

  @Test func normalizeNoneLeavesTargetsInDollars() throws {
    let data = try DatasetLoader.load(
      name: "stock", normalization: try NormalizationMode.parse("none"), seed: 1)
    guard case .values(let targets) = data.train.targets else { return }
    #expect(targets.scalars.contains { abs($0 - 831.659973) < 1e-3 })
  }

  @Test func splitAllParsesAndAnExplicitSplitStillWins() throws {
    #expect(try SplitSpec.parse("all") == SplitSpec.trainOnly)
    let data = try DatasetLoader.load(name: "stock", split: try SplitSpec.parse("6:2"), seed: 1)
    #expect(data.splitSizes.train == 6 && data.splitSizes.test == 2)
  }
}
