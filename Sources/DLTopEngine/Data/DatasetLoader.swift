/// Loads a data set by name and prepares it for training: the one entry point of `dltop train`.
///
/// Steps: load (`DataSource`), split (seeded, stratified for classification), fit the normalizer
/// on the training split only and apply it to all splits, check the splits for drift and the
/// classes for imbalance, and wrap the test split in a `HeldOutTestSet`.
package enum DatasetLoader {
  /// Loads and prepares a data set from parsed options (the executable parses the flags).
  ///
  /// - Parameters:
  ///   - name: a catalog name, a `.csv` path or an IDX directory; `nil` picks fashion-mnist when
  ///     installed, otherwise digits.
  ///   - split: how to cut the set; `nil` gives 90:10 train:validation (Keras's
  ///     `validation_split=0.1`) when the data set has its own test split, else 70:15:15.
  ///   - normalization: fitted on the training split only.
  ///   - augmentation: random training-time transforms; images only.
  ///   - labelColumn: (CSV) a header name or 0-based index; default last column.
  ///   - shape: (CSV images) `[H, W, C]` or `[H, W]`.
  ///   - positive: the positive class name for binary metrics.
  ///   - seed: for the shuffle and generated data.
  ///   - skipBadRows: skip CSV rows with bad cells (counted in the notes) instead of failing.
  /// - Throws: `DataFileError` (file, line, column) or `DataOptionError` (which option, what is wrong).
  package static func load(
    name: String?, split requestedSplit: SplitSpec? = nil,
    normalization mode: NormalizationMode = .standard,
    augmentation: AugmentationSpec = .none, labelColumn: String? = nil,
    shape parsedShape: [Int]? = nil,
    positive: String? = nil, seed: UInt64 = 0, skipBadRows: Bool = false,
    sampleDataDirectory: String? = nil,
    fashionMNISTDirectory: String = DatasetCatalog.fashionMNISTDirectory
  ) throws -> PreparedData {
    if name == "fashion-mnist", let parts = requestedSplit?.parts.count, parts == 3 {
      // Refuse before reading 70,000 images.
      throw ownTestSplitError("fashion-mnist")
    }
    let source = try DataSource.load(
      name: name, labelColumn: labelColumn, shape: parsedShape, skipBadRows: skipBadRows,
      seed: seed,
      sampleDataDirectory: sampleDataDirectory, fashionMNISTDirectory: fashionMNISTDirectory)
    if !augmentation.isEmpty, !source.isImage {
      throw DataOptionError(
        .augmentation,
        "'\(source.name)' is not image data (augmentation needs CSV images with a shape HxWxC, or IDX images)"
      )
    }
    var notes = source.notes
    var warnings = source.warnings

    // Split.
    let hasOwnTest = source.officialTest != nil
    let spec =
      requestedSplit ?? source.defaultSplit ?? SplitSpec.defaultSpec(hasOwnTestSplit: hasOwnTest)
    if hasOwnTest, spec.parts.count == 3 { throw ownTestSplitError(source.name) }
    let sizes = try spec.sizes(total: source.pool.count)
    let labels = source.task.isClassification ? source.pool.targets.classLabelsOrEmpty : nil
    var rng = SeededGenerator(seed: seed).derived(stream: 0x5911)
    let parts = Splitter.split(count: source.pool.count, labels: labels, sizes: sizes, using: &rng)
    var train = source.pool.subset(parts[0])
    var validation: LabeledSet?
    var test = source.officialTest
    if parts.count == 1 {
      notes.append(
        "split all = every sample trains; no validation split"
          + (test == nil ? " and no test split" : ""))
    } else if hasOwnTest {
      validation = source.pool.subset(parts[1])
      notes.append("split \(spec) = train:validation; the official test split is the test set")
    } else if parts.count == 2 {
      test = source.pool.subset(parts[1])
      notes.append(
        "split \(spec) = train:test, no validation (give three parts for a validation split)")
    } else {
      validation = source.pool.subset(parts[1])
      test = source.pool.subset(parts[2])
      notes.append("split \(spec) = train:validation:test")
    }
    let unused = source.pool.count - sizes.reduce(0, +)
    if unused > 0 {
      notes.append("split \(spec) leaves \(unused) of \(source.pool.count) samples unused")
    }
    if labels != nil { notes.append("split is stratified by class (seed \(seed))") }

    // Normalize with training statistics only; look for drift first, on the raw values.
    let perFeature = !source.isImage
    let trainStatistics = FeatureStatistics(train.features, perFeature: perFeature)
    for (set, splitName) in [(validation, "validation"), (test, "test")] {
      guard let set else { continue }
      if let warning = Normalizer.driftWarning(
        trainStatistics: trainStatistics, other: set.features, splitName: splitName,
        featureNames: source.featureNames, perFeature: perFeature)
      {
        warnings.append(warning)
      }
    }
    let normalizer = Normalizer.fit(statistics: trainStatistics, mode: mode)
    normalizer.apply(to: &train.features)
    if var set = validation {
      validation = nil  // so that `set` holds the only reference and is rescaled in place
      normalizer.apply(to: &set.features)
      validation = set
    }
    if var set = test {
      test = nil
      normalizer.apply(to: &set.features)
      test = set
    }
    if mode != .none {
      notes.append(
        "normalize \(mode.rawValue) \(perFeature ? "per feature" : "globally over all pixels"), "
          + "fitted on the training split only"
      )
    }

    // Regression targets are scaled the same way (seed 004 min-max scales the whole table), so
    // that a target near 800 does not need a huge bias; losses are then in scaled units.
    if case .values(let trainTargets) = train.targets, mode != .none {
      let targetNormalizer = Normalizer.fit(
        statistics: FeatureStatistics(trainTargets, perFeature: true), mode: mode)
      train.targets = .values(targetNormalizer.apply(trainTargets))
      for index in [0, 1] {
        guard var set = index == 0 ? validation : test, case .values(let values) = set.targets
        else { continue }
        set.targets = .values(targetNormalizer.apply(values))
        if index == 0 { validation = set } else { test = set }
      }
      notes.append(
        "regression targets normalized \(mode.rawValue) with training statistics; losses are in those units"
      )
    }

    // Classes: positive class and imbalance.
    let classNames = source.task.classNames ?? []
    let positiveClass = try resolvePositive(
      positive ?? source.defaultPositive, classNames: classNames, explicit: positive != nil,
      task: source.task)
    if let positiveClass { notes.append("positive class: \(classNames[positiveClass])") }
    if !classNames.isEmpty {
      var counts = [Int](repeating: 0, count: classNames.count)
      for label in source.pool.targets.classLabelsOrEmpty { counts[label] += 1 }
      if let warning = ImbalanceCheck.warning(classCounts: counts, classNames: classNames) {
        warnings.append(warning)
      }
    }

    return PreparedData(
      name: source.name, task: source.task, classNames: classNames,
      featureNames: source.featureNames,
      train: train, validation: validation, test: test.map(HeldOutTestSet.init),
      sampleShape: train.sampleShape,
      isImage: source.isImage, normalizer: normalizer, augmentation: augmentation,
      positiveClass: positiveClass, split: spec,
      splitSizes: .init(
        train: train.count, validation: validation?.count ?? 0, test: test?.count ?? 0,
        unused: unused),
      notes: notes, warnings: warnings)
  }

  private static func ownTestSplitError(_ name: String) -> DataOptionError {
    DataOptionError(
      .split,
      "'\(name)' has its own test split; give two parts train:validation (e.g. 80:20)")
  }

  /// The positive class: `--positive`, else the data set's default, else the second of two.
  private static func resolvePositive(
    _ name: String?, classNames: [String], explicit: Bool, task: Task
  ) throws -> Int? {
    guard task.isClassification else {
      if explicit {
        throw DataOptionError(.positive, "applies to classification, not regression")
      }
      return nil
    }
    let fallback = classNames.count == 2 ? 1 : nil
    guard let name else { return fallback }
    guard let index = classNames.firstIndex(of: name) else {
      // A data set's default positive class may be gone after another label column.
      guard explicit else { return fallback }
      throw DataOptionError(
        .positive,
        "'\(name)' is not a class; classes are \(classNames.joined(separator: ", "))")
    }
    return index
  }
}
