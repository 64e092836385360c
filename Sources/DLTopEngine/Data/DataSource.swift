import Foundation

/// A data set as loaded, before splitting and normalization.
package struct DataSource: Sendable {
  package var name: String
  package var task: Task
  /// Every sample that splitting may use (the training file(s) when an official test split exists).
  package var pool: LabeledSet
  /// The data set's own test split (Fashion-MNIST's 10,000 t10k images), if it has one.
  package var officialTest: LabeledSet?
  package var featureNames: [String]?
  /// Image samples (`[height, width, channels]`): global normalization, augmentation allowed.
  package var isImage: Bool
  /// The positive class when `--positive` is not given.
  package var defaultPositive: String?
  package var notes: [String]
  /// Things the user must see, such as CSV rows skipped with `skipBadRows`.
  package var warnings: [String] = []
  /// The split to use when `--split` is not given, if the data set has its own default.
  package var defaultSplit: SplitSpec?

  /// Loads a data set by catalog name, CSV file path or IDX directory.
  ///
  /// - Parameters:
  ///   - name: a `DatasetCatalog.names` entry, a `.csv` path or a directory of IDX files; `nil`
  ///     means fashion-mnist when installed, otherwise digits (a note says which).
  ///   - labelColumn, shape: apply to CSV data (catalog CSVs have their own defaults).
  /// - Throws: `DataFileError` for bad files, `DataOptionError` for bad names and options.
  package static func load(
    name: String?, labelColumn: String?, shape: [Int]?, skipBadRows: Bool, seed: UInt64,
    sampleDataDirectory: String? = nil,
    fashionMNISTDirectory: String = DatasetCatalog.fashionMNISTDirectory
  ) throws -> DataSource {
    guard let name else {
      let installed = DatasetCatalog.isFashionMNISTInstalled(directory: fashionMNISTDirectory)
      var source = try load(
        name: installed ? "fashion-mnist" : "digits", labelColumn: labelColumn, shape: shape,
        skipBadRows: skipBadRows, seed: seed, sampleDataDirectory: sampleDataDirectory,
        fashionMNISTDirectory: fashionMNISTDirectory)
      source.notes.insert(
        installed
          ? "no data set given: using fashion-mnist (installed at \(fashionMNISTDirectory))"
          : "no data set given: fashion-mnist is not installed at \(fashionMNISTDirectory), "
            + "using digits",
        at: 0)
      return source
    }
    if labelColumn != nil || shape != nil, name == "fashion-mnist" || name == "spiral" {
      throw DataOptionError(
        labelColumn != nil ? .labelColumn : .shape,
        "applies to CSV data only, not '\(name)'")
    }
    switch name {
    case "fashion-mnist":
      let (train, test) = try DatasetCatalog.loadFashionMNIST(directory: fashionMNISTDirectory)
      return DataSource(
        name: name, task: .classification(classNames: DatasetCatalog.fashionMNISTClassNames),
        pool: train, officialTest: test, featureNames: nil, isImage: true, defaultPositive: nil,
        notes: ["fashion-mnist: \(train.count) training and \(test.count) official test images"])
    case "spiral":
      return DataSource(
        name: name, task: .classification(classNames: SpiralGenerator.classNames),
        pool: SpiralGenerator.make(seed: seed), officialTest: nil, featureNames: ["x", "y"],
        isImage: false, defaultPositive: nil,
        notes: ["spiral: 1000 points generated from seed \(seed)"])
    default:
      break
    }
    if let entry = DatasetCatalog.samples.first(where: { $0.name == name }) {
      guard let directory = DatasetCatalog.sampleDataDirectory(explicit: sampleDataDirectory) else {
        throw DataOptionError(
          .data,
          "'\(name)' ships in sample-data/, which was not found (set DLTOP_SAMPLE_DATA)")
      }
      let options = CSVOptions(
        labelColumn: labelColumn, labelKind: labelColumn == nil ? entry.labelKind : .auto,
        shape: shape ?? entry.shape, skipBadRows: skipBadRows)
      var source = try csv(
        path: directory + "/" + entry.fileName, name: name, options: options,
        positive: entry.positiveClass)
      source.defaultSplit = entry.defaultSplit
      return source
    }
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: name, isDirectory: &isDirectory) {
      if isDirectory.boolValue {
        return try idxDirectory(name, labelColumn: labelColumn, shape: shape)
      }
      let options = CSVOptions(labelColumn: labelColumn, shape: shape, skipBadRows: skipBadRows)
      return try csv(
        path: name, name: ((name as NSString).lastPathComponent as NSString).deletingPathExtension,
        options: options, positive: nil)
    }
    if name.lowercased().hasSuffix(".csv") || name.contains("/") {
      throw DataFileError(
        path: name, line: 1, column: "(file)", kind: .unreadable(reason: "no such file"))
    }
    throw DataOptionError(
      .data,
      "unknown data set '\(name)'; known: \(DatasetCatalog.names.joined(separator: ", ")), "
        + "a .csv file or a directory of IDX files"
    )
  }

  private static func csv(path: String, name: String, options: CSVOptions, positive: String?) throws
    -> DataSource
  {
    let data = try CSVLoader.load(path: path, options: options)
    return DataSource(
      name: name, task: data.task, pool: data.set, officialTest: nil,
      featureNames: data.featureNames,
      isImage: options.shape.map { $0.count == 3 } ?? false, defaultPositive: positive,
      notes: ["\(name): \(data.set.count) rows from \(path)"]
        + data.notes.filter { !$0.hasPrefix("skipped") },
      warnings: data.notes.filter { $0.hasPrefix("skipped") })
  }

  private static func idxDirectory(_ directory: String, labelColumn: String?, shape: [Int]?) throws
    -> DataSource
  {
    if labelColumn != nil || shape != nil {
      throw DataOptionError(
        labelColumn != nil ? .labelColumn : .shape,
        "applies to CSV data only, not IDX files")
    }
    guard let files = DatasetCatalog.idxFiles(in: directory) else {
      throw DataFileError(
        path: directory, line: 1, column: "(directory)",
        kind: .unreadable(
          reason: "no train-images-idx3-ubyte[.gz] and train-labels-idx1-ubyte[.gz] here"))
    }
    let train = try IDXLoader.loadSet(imagesPath: files.trainImages, labelsPath: files.trainLabels)
    var test: LabeledSet?
    if let images = files.testImages, let labels = files.testLabels {
      test = try IDXLoader.loadSet(imagesPath: images, labelsPath: labels)
    }
    let classCount = try IDXClassCheck.classCount(
      of: train.targets.classLabelsOrEmpty, path: files.trainLabels)
    if let test, let bad = test.targets.classLabelsOrEmpty.firstIndex(where: { $0 >= classCount }),
      let testLabels = files.testLabels
    {
      throw DataFileError(
        path: testLabels, line: 1, column: "label[\(bad)]",
        kind: .labelOutOfRange(
          label: test.targets.classLabelsOrEmpty[bad], classCount: classCount))
    }
    let isFashion =
      URL(fileURLWithPath: directory).standardized.path
      == URL(fileURLWithPath: DatasetCatalog.fashionMNISTDirectory).standardized.path
    let names =
      isFashion ? DatasetCatalog.fashionMNISTClassNames : (0..<classCount).map(String.init)
    let name = URL(fileURLWithPath: directory).lastPathComponent
    return DataSource(
      name: isFashion ? "fashion-mnist" : name, task: .classification(classNames: names),
      pool: train,
      officialTest: test, featureNames: nil, isImage: true, defaultPositive: nil,
      notes: [
        "\(name): \(train.count) training\(test.map { " and \($0.count) test" } ?? "") images "
          + "from \(directory)"
      ])
  }
}

extension Targets {
  /// The class labels, or an empty array for real-valued targets.
  var classLabelsOrEmpty: [Int] {
    if case .classes(let labels) = self { return labels }
    return []
  }
}
