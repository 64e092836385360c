import DLTopEngine

/// The 60,000 training images every training section uses: Fashion-MNIST read by the engine's own
/// loader (`DatasetCatalog.loadFashionMNIST`, the same code `dltop train` runs) when the Debian
/// package `dataset-fashion-mnist` is installed, else seeded random data of the same shape (the
/// timings do not depend on the values).
struct BenchData {
  /// `[60000, 28, 28, 1]` images in `[0, 1]` with labels 0…9.
  let train: LabeledSet
  /// `fashion-mnist` or `random`.
  let source: String
  /// The load that produced `train` (all 70,000 images and labels), nil for random data.
  let loadTiming: BenchClock.Timing?
  /// Why Fashion-MNIST could not be read, when `source` is `random`.
  let loadError: String?

  /// The first `count` samples as `[count, 784]` rows, for the MLP.
  func flat(count: Int) -> LabeledSet {
    let set = count >= train.count ? train : train.subset(0..<count)
    return LabeledSet(features: set.features.reshaped(to: [set.count, 784]), targets: set.targets)
  }

  static func load(seed: UInt64) -> BenchData {
    do {
      let (sets, timing) = try BenchClock.time { try DatasetCatalog.loadFashionMNIST() }
      return BenchData(
        train: sets.train, source: "fashion-mnist", loadTiming: timing, loadError: nil)
    } catch {
      let count = 60_000
      var generator = SeededGenerator(seed: seed)
      let pixels = (0..<(count * 784)).map { _ in generator.nextUnitFloat() }
      let classes = (0..<count).map { _ in Int(generator.next() % 10) }
      let set = LabeledSet(
        features: Tensor(shape: [count, 28, 28, 1], scalars: pixels), targets: .classes(classes))
      return BenchData(train: set, source: "random", loadTiming: nil, loadError: "\(error)")
    }
  }
}
