/// A data option (`--data`, `--split`, `--normalize`, `--augment`, `--label-column`, `--shape`,
/// `--positive`) that cannot be used, naming the flag and the value.
package struct DataOptionError: Error, CustomStringConvertible, Equatable {
  /// The flag at fault, e.g. `--split`.
  package var flag: String
  package var message: String

  package init(flag: String, _ message: String) {
    self.flag = flag
    self.message = message
  }

  package var description: String { "\(flag): \(message)" }
}
