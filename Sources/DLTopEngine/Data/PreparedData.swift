/// A data set ready for training: split, normalized with training statistics, test held apart.
package struct PreparedData: Sendable {
  /// The number of samples in each part; `unused` counts samples no part took (counts or
  /// percents that add up to less than the set).
  package struct SplitSizes: Sendable, Equatable {
    package var train: Int
    package var validation: Int
    package var test: Int
    package var unused: Int
  }

  package var name: String
  package var task: Task
  /// The class names in label order; empty for regression.
  package var classNames: [String]
  /// Column names of tabular data; `nil` for images.
  package var featureNames: [String]?
  package var train: LabeledSet
  package var validation: LabeledSet?
  /// The test split, readable once through `evaluateOnce(_:)`.
  package var test: HeldOutTestSet?
  /// The shape of one sample (`[28, 28, 1]`, `[30]`, …).
  package var sampleShape: [Int]
  /// Image data (NHWC samples): augmentation applies.
  package var isImage: Bool
  /// Fitted on the training split; already applied to train, validation and test.
  package var normalizer: Normalizer
  /// To apply to training batches only, on the fly (`augmentation.augment(&batch, using: &rng)`).
  package var augmentation: AugmentationSpec
  /// The positive class for binary metrics (`--positive`, else the data set's default, else the
  /// second class of a binary task); `nil` for regression and for more than two classes without
  /// `--positive`.
  package var positiveClass: Int?
  package var split: SplitSpec
  package var splitSizes: SplitSizes
  /// What the loader decided (data set chosen, label kind, split meaning, skipped rows).
  package var notes: [String]
  /// What the user should look at (class imbalance, drift between splits).
  package var warnings: [String]

  /// The positive class's name, if any.
  package var positiveClassName: String? { positiveClass.map { classNames[$0] } }
}
