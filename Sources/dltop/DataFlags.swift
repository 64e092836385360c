import DLTopEngine

/// The data flags of `dltop train`, parsed into the engine's typed options; engine errors get
/// the flag's name here (the engine says what is wrong, the executable says which flag).
enum DataFlags {
  /// The flag that sets `option`.
  static func flag(for option: DataOption) -> String {
    switch option {
    case .data: "--data"
    case .split: "--split"
    case .normalization: "--normalize"
    case .augmentation: "--augment"
    case .shape: "--shape"
    case .labelColumn: "--label-column"
    case .positive: "--positive"
    }
  }

  /// Loads the data set the flags name.
  /// - Throws: `CommandFailure` naming the flag (or the file, line and column for bad data).
  static func load(_ options: TrainOptions) throws -> PreparedData {
    do {
      let shape = try options.shape.map { text in
        guard let dims = CSVOptions.parseShape(text) else {
          throw DataOptionError(.shape, "'\(text)' is not HxWxC (e.g. 28x28x1) or HxW")
        }
        return dims
      }
      return try DatasetLoader.load(
        name: options.data, split: try options.split.map(SplitSpec.parse),
        normalization: try NormalizationMode.parse(options.normalize),
        augmentation: try options.augment.map(AugmentationSpec.parse) ?? .none,
        labelColumn: options.labelColumn, shape: shape, positive: options.positive,
        seed: options.seed,
        skipBadRows: options.skipBadRows)
    } catch let error as DataOptionError {
      throw CommandFailure("\(flag(for: error.option)): \(error.message)")
    } catch {
      throw CommandFailure("\(error)")
    }
  }
}
