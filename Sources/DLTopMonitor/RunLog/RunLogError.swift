/// Why the run log or a saved file could not be written; names the path and the system's reason.
package struct RunLogError: Error, Sendable, Equatable, CustomStringConvertible {
  package var path: String
  package var message: String
  package init(path: String, message: String) {
    self.path = path
    self.message = message
  }
  package var description: String { "\(path): \(message)" }
}
