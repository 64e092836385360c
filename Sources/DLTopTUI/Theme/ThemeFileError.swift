/// Why a theme could not be loaded at all (problems inside a file are warnings, not errors).
package enum ThemeFileError: Error, Equatable, CustomStringConvertible {
  /// No file matched the name; `searched` lists the folders looked in.
  case notFound(name: String, searched: [String])
  case unreadable(path: String, reason: String)

  package var description: String {
    switch self {
    case .notFound(let name, let searched):
      "theme '\(name)' not found (looked in: \(searched.joined(separator: ", ")))"
    case .unreadable(let path, let reason):
      "\(path): cannot read theme file: \(reason)"
    }
  }
}
