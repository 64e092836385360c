/// The data option a `DataOptionError` is about. The engine names what is wrong; the executable
/// maps the option to its command-line flag (`.split` → `--split`).
package enum DataOption: String, Sendable, Equatable, CaseIterable {
  case data
  case split
  case normalization
  case augmentation
  case shape
  case labelColumn = "label column"
  case positive = "positive class"
}

/// A data option whose value is wrong: which option, and what is wrong with it.
package struct DataOptionError: Error, CustomStringConvertible, Equatable {
  package var option: DataOption
  package var message: String

  package init(_ option: DataOption, _ message: String) {
    self.option = option
    self.message = message
  }

  package var description: String { "\(option.rawValue): \(message)" }
}
