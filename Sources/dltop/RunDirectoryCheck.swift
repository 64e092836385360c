import DLTopMonitor
import Foundation

/// Makes the run folder before training starts, or refuses in words: a run that cannot keep its
/// log must not train for an hour and then say so (or, worse, not say so).
enum RunDirectoryCheck {
  /// Creates `path` and its missing parents.
  /// - Throws: `CommandFailure` naming `flag` when `path` is a file, lies below a file, already
  ///   holds a run log, or cannot be created (the system's reason in words).
  static func prepare(_ path: String, flag: String = "--run-dir") throws {
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
      guard isDirectory.boolValue else {
        throw CommandFailure(
          "\(flag): '\(path)' is a file; give a folder (it is created when missing)")
      }
      let log = (path as NSString).appendingPathComponent(RunLogFormat.fileName)
      if FileManager.default.fileExists(atPath: log) {
        throw CommandFailure(
          "\(flag): '\(path)' already holds a run log (\(RunLogFormat.fileName)); choose another folder"
        )
      }
      guard access(path, W_OK) == 0 else {
        throw CommandFailure(
          "\(flag): cannot write in '\(path)': \(String(cString: strerror(errno)))")
      }
      return
    }
    var prefix = path.hasPrefix("/") ? "/" : ""
    for component in path.split(separator: "/") {
      prefix += (prefix.isEmpty || prefix.hasSuffix("/") ? "" : "/") + component
      var isFolder: ObjCBool = false
      if FileManager.default.fileExists(atPath: prefix, isDirectory: &isFolder) {
        guard isFolder.boolValue else {
          throw CommandFailure(
            "\(flag): cannot create '\(path)': '\(prefix)' is a file, not a folder")
        }
        continue
      }
      if mkdir(prefix, 0o755) != 0 && errno != EEXIST {
        throw CommandFailure(
          "\(flag): cannot create '\(prefix)': \(String(cString: strerror(errno)))")
      }
    }
  }
}
