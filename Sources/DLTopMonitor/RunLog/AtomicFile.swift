import Foundation

/// Writes a file through a temporary name in the same folder and a rename, so readers see either
/// the old file or the complete new one.
package enum AtomicFile {
  /// Writes `bytes` to `path`, replacing an existing file.
  /// - Parameter exclusive: when true, fails instead of replacing an existing `path`.
  /// - Throws: `RunLogError` naming the path and the system's reason.
  package static func write(_ bytes: [UInt8], to path: String, exclusive: Bool = false)
    throws(RunLogError)
  {
    let folder = (path as NSString).deletingLastPathComponent
    let name = (path as NSString).lastPathComponent
    let temporary =
      (folder.isEmpty ? "." : folder)
      + "/.\(name).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
      throw RunLogError(path: path, message: String(cString: strerror(errno)))
    }
    var written = 0
    while written < bytes.count {
      let count = bytes[written...].withUnsafeBytes {
        Foundation.write(descriptor, $0.baseAddress, $0.count)
      }
      if count < 0 {
        if errno == EINTR { continue }
        let message = String(cString: strerror(errno))
        close(descriptor)
        unlink(temporary)
        throw RunLogError(path: path, message: message)
      }
      written += count
    }
    close(descriptor)
    if exclusive {
      // link(2) fails with EEXIST instead of replacing: the never-overwrite rule.
      let linked = link(temporary, path)
      let code = errno
      unlink(temporary)
      guard linked == 0 else {
        throw RunLogError(
          path: path, message: code == EEXIST ? "already exists" : String(cString: strerror(code)))
      }
      return
    }
    guard rename(temporary, path) == 0 else {
      let message = String(cString: strerror(errno))
      unlink(temporary)
      throw RunLogError(path: path, message: message)
    }
  }
}
