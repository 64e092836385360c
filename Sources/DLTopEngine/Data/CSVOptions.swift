import Foundation

/// How to read a CSV file into a data set.
package struct CSVOptions: Sendable, Equatable {
  /// Whether the label column holds classes or real values.
  package enum LabelKind: Sendable, Equatable {
    /// Classes when any label is not a number, or when every label is an integer and there are at
    /// most `CSVOptions.autoClassLimit` distinct values; otherwise regression. The loader's notes
    /// say which was chosen.
    case auto
    /// Each distinct label is a class.
    case classification
    /// Labels are real numbers to predict.
    case regression
  }

  /// How many line numbers of skipped rows the note lists before "…".
  package static let skippedLinesShown = 5

  /// At most this many distinct integer labels count as classes under `.auto`.
  package static let autoClassLimit = 20

  /// The label column: a header name, or else a 0-based index (negative counts from the end,
  /// `-1` is the last column). `nil` means the last column.
  package var labelColumn: String?
  package var labelKind: LabelKind
  /// The shape of one sample (e.g. `[28, 28, 1]` from `28x28x1`); `nil` keeps a flat feature row.
  package var shape: [Int]?
  /// Skip rows with a bad cell instead of failing; the count is always reported in the notes.
  package var skipBadRows: Bool

  package init(
    labelColumn: String? = nil, labelKind: LabelKind = .auto, shape: [Int]? = nil,
    skipBadRows: Bool = false
  ) {
    self.labelColumn = labelColumn
    self.labelKind = labelKind
    self.shape = shape
    self.skipBadRows = skipBadRows
  }

  /// Parses a sample shape such as `28x28x1`, `28x28` (one channel) or `8x8x1`.
  ///
  /// - Returns: `nil` when the text is not a list of positive integers joined by `x`.
  package static func parseShape(_ text: String) -> [Int]? {
    let parts = text.lowercased().split(separator: "x", omittingEmptySubsequences: false)
    let dims = parts.compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
    guard dims.count == parts.count, !dims.isEmpty, dims.allSatisfy({ $0 > 0 }) else { return nil }
    return dims.count == 2 ? dims + [1] : dims
  }
}

/// A CSV file read into a data set.
package struct CSVData: Sendable {
  package var set: LabeledSet
  package var task: Task
  /// The header names of the feature columns, in order.
  package var featureNames: [String]
  /// The header name of the label column.
  package var labelName: String
  /// Rows skipped because `skipBadRows` was on.
  package var skippedRows: Int
  /// What the loader decided (label kind, class order, skipped rows), for the user to read.
  package var notes: [String]
}
