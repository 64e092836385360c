import DLTopMonitor
import Foundation

/// `[user@]host:path` arguments of `watch` and `diagnose`: the run is copied through the system's
/// `ssh` (`RemoteMirror`) into a local folder, which the usual readers then follow.
enum RemoteRun {
  /// A remote run being followed; `stop()` ends the connection and removes a temporary copy.
  final class Following: Sendable {
    let mirror: RemoteMirror
    let removeWhenDone: Bool

    init(mirror: RemoteMirror, removeWhenDone: Bool) {
      self.mirror = mirror
      self.removeWhenDone = removeWhenDone
    }

    func stop() {
      mirror.stop()
      if removeWhenDone { try? FileManager.default.removeItem(atPath: mirror.folder) }
    }
  }

  /// The remote path `argument` names, when it is no local path and reads as `[user@]host:path`.
  static func remotePath(_ argument: String) -> RemotePath? {
    FileManager.default.fileExists(atPath: argument) ? nil : RemotePath(argument)
  }

  /// Starts following `remote` and returns it once the local copy holds the run.
  /// - Parameters:
  ///   - keepIn: a folder to keep the copy in (`--mirror`); nil for a temporary folder removed at the end.
  ///   - report: receives connection drops and reconnections, as text.
  static func follow(
    _ remote: RemotePath, keepIn: String?, interval: Double,
    report: @escaping @Sendable (String) -> Void
  ) throws -> Following {
    let folder = keepIn ?? temporaryFolder(for: remote)
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let mirror = RemoteMirror(remote: remote, folder: folder, interval: max(0.2, interval))
    do {
      try mirror.start { event in
        switch event {
        case .lost(let message): report("connection lost: \(message)")
        case .reconnected: report("reconnected to \(remote.destination)")
        }
      }
    } catch {
      if keepIn == nil { try? FileManager.default.removeItem(atPath: folder) }
      throw CommandFailure(
        "\(error.message) (dltop runs the system's ssh with your ssh configuration and agent; check `ssh \(remote.destination)` works without a password prompt)"
      )
    }
    return Following(mirror: mirror, removeWhenDone: keepIn == nil)
  }

  /// Copies `remote` once into a temporary folder, calls `body` with the local path, then removes it.
  static func withCopy<T>(of remote: RemotePath, _ body: (String) throws -> T) throws -> T {
    let folder = temporaryFolder(for: remote)
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let mirror = RemoteMirror(remote: remote, folder: folder)
    do {
      try mirror.copyOnce()
    } catch {
      throw CommandFailure(
        "\(error.message) (dltop runs the system's ssh with your ssh configuration and agent; check `ssh \(remote.destination)` works without a password prompt)"
      )
    }
    return try body(mirror.localPath)
  }

  private static func temporaryFolder(for remote: RemotePath) -> String {
    let host = remote.destination.map { $0.isLetter || $0.isNumber || $0 == "." ? $0 : "_" }
    return NSTemporaryDirectory()
      + "dltop-remote-\(String(host))-\(getpid())-\(UUID().uuidString.prefix(8))"
  }
}
