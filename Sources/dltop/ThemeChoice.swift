import DLTopTUI
import Foundation

/// Loads `--theme NAME|PATH`; warnings (bad lines in a theme file) go to stderr and defaults fill in.
enum ThemeChoice {
  static func load(_ nameOrPath: String) throws -> Theme {
    do {
      let result = try ThemeLoader.load(nameOrPath: nameOrPath)
      for warning in result.warnings {
        FileHandle.standardError.write(Data("warning: \(warning)\n".utf8))
      }
      return result.theme
    } catch {
      throw CommandFailure("--theme: \(error)")
    }
  }
}
