import Foundation

/// The data sets dltop knows by name (`--data NAME`) and where their files are.
package enum DatasetCatalog {
  /// A named CSV data set shipped in `sample-data/`.
  package struct SampleEntry: Sendable, Equatable {
    package var name: String
    package var fileName: String
    package var labelKind: CSVOptions.LabelKind
    /// The sample shape for image data stored as CSV rows.
    package var shape: [Int]?
    /// The positive class for binary metrics when `--positive` is not given.
    package var positiveClass: String?
    /// The split when `--split` is not given, if the data set needs its own (nil: the default).
    package var defaultSplit: SplitSpec? = nil
  }

  /// Where the Debian package dataset-fashion-mnist installs the files.
  package static let fashionMNISTDirectory = "/usr/share/datasets/fashion-mnist"
  /// Fashion-MNIST's ten classes, in label order.
  package static let fashionMNISTClassNames = [
    "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag",
    "Ankle boot",
  ]

  /// The CSV data sets in `sample-data/` (see its README.md for sources and licences).
  package static let samples: [SampleEntry] = [
    SampleEntry(
      name: "breast-cancer", fileName: "breast-cancer.csv", labelKind: .classification,
      positiveClass: "malignant"),
    SampleEntry(name: "iris", fileName: "iris.csv", labelKind: .classification),
    SampleEntry(name: "wine", fileName: "wine.csv", labelKind: .classification),
    SampleEntry(
      name: "digits", fileName: "digits.csv", labelKind: .classification, shape: [8, 8, 1]),
    // Seed 004 trains on all 8 rows: there is nothing to hold out.
    SampleEntry(
      name: "stock", fileName: "stock.csv", labelKind: .regression, defaultSplit: .trainOnly),
  ]

  /// Every name `--data` accepts.
  package static var names: [String] { ["fashion-mnist"] + samples.map(\.name) + ["spiral"] }

  /// The four IDX files of an MNIST-layout directory, gzip or raw; the test pair may be missing.
  package struct IDXFiles: Sendable, Equatable {
    package var trainImages: String
    package var trainLabels: String
    package var testImages: String?
    package var testLabels: String?
  }

  /// Finds `train-images-idx3-ubyte[.gz]` and friends in `directory` (also with a prefix, e.g.
  /// `emnist-train-images-idx3-ubyte.gz`); `nil` when there is no training pair.
  package static func idxFiles(in directory: String) -> IDXFiles? {
    guard let entries = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
      return nil
    }
    func find(_ stem: String) -> String? {
      let match = entries.sorted().first { $0.hasSuffix(stem) || $0.hasSuffix(stem + ".gz") }
      return match.map { (directory as NSString).appendingPathComponent($0) }
    }
    guard let images = find("train-images-idx3-ubyte"), let labels = find("train-labels-idx1-ubyte")
    else { return nil }
    return IDXFiles(
      trainImages: images, trainLabels: labels, testImages: find("t10k-images-idx3-ubyte"),
      testLabels: find("t10k-labels-idx1-ubyte"))
  }

  /// Whether Fashion-MNIST is installed (all four files present).
  package static func isFashionMNISTInstalled(directory: String = fashionMNISTDirectory) -> Bool {
    guard let files = idxFiles(in: directory) else { return false }
    return files.testImages != nil && files.testLabels != nil
  }

  /// Loads all 70,000 Fashion-MNIST images: 60,000 training and the official 10,000 test images.
  ///
  /// This is the function the load benchmark times.
  /// - Returns: `[n, 28, 28, 1]` images in `[0, 1]` with labels `0..<10`.
  package static func loadFashionMNIST(directory: String = fashionMNISTDirectory) throws
    -> (train: LabeledSet, test: LabeledSet)
  {
    guard let files = idxFiles(in: directory), let testImages = files.testImages,
      let testLabels = files.testLabels
    else {
      throw DataFileError(
        path: directory, line: 1, column: "(directory)",
        kind: .unreadable(
          reason: "Fashion-MNIST files not found (apt-get install dataset-fashion-mnist)"))
    }
    let train = try IDXLoader.loadSet(
      imagesPath: files.trainImages, labelsPath: files.trainLabels, classCount: 10)
    let test = try IDXLoader.loadSet(imagesPath: testImages, labelsPath: testLabels, classCount: 10)
    return (train, test)
  }

  /// The `sample-data/` directory: `explicit` if given, else `$DLTOP_SAMPLE_DATA`, else
  /// `./sample-data`, else a `sample-data` beside the executable or one of its parent
  /// directories (a build in `.build/debug` of a checkout), else the checkout this file was
  /// built from.
  package static func sampleDataDirectory(explicit: String? = nil, filePath: String = #filePath)
    -> String?
  {
    var candidates: [String] = []
    if let explicit { return explicit }
    if let env = ProcessInfo.processInfo.environment["DLTOP_SAMPLE_DATA"] { candidates.append(env) }
    candidates.append(FileManager.default.currentDirectoryPath + "/sample-data")
    var dir = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath()
      .deletingLastPathComponent()
    for _ in 0..<5 {
      candidates.append(dir.appendingPathComponent("sample-data").path)
      dir.deleteLastPathComponent()
    }
    // <checkout>/Sources/DLTopEngine/Data/DatasetCatalog.swift → <checkout>/sample-data
    var source = URL(fileURLWithPath: filePath)
    for _ in 0..<4 { source.deleteLastPathComponent() }
    candidates.append(source.appendingPathComponent("sample-data").path)
    return candidates.first { FileManager.default.fileExists(atPath: $0 + "/iris.csv") }
  }
}
