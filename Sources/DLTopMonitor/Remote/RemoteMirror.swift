import Foundation
import Synchronization

/// Keeps a local copy of a remote run up to date through the system's `ssh`, so `dltop watch` and
/// `dltop diagnose` read it with the same readers as a local one.
///
/// dltop handles no password or key: `ssh` runs with `BatchMode=yes` and the user's own
/// configuration and agent (`DLTOP_SSH_COMMAND`, e.g. `ssh -F ./config`, replaces `ssh`, as
/// `GIT_SSH_COMMAND` does for git). One long-lived connection runs `RemoteMirrorScript`, which sends
/// only the bytes appended since the last pass. The local copy records, per file, how far it holds
/// complete frames; a connection that drops mid-frame loses only that unapplied frame, and the next
/// connection starts from what the copy holds — so no record is lost or repeated. Drops are retried
/// with a growing pause (1 s up to 10 s); the first connection failing is an error with ssh's message.
package final class RemoteMirror: Sendable {
  /// Why the remote run cannot be read.
  package struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
    package var message: String
    package var description: String { message }
  }

  /// What the background follower reports.
  package enum Event: Sendable, Equatable {
    /// The connection dropped (ssh's message); a new one is being made.
    case lost(String)
    /// A connection was made again after a drop.
    case reconnected
  }

  package let remote: RemotePath
  /// The local folder holding the copy.
  package let folder: String
  package let sshCommand: [String]
  package let interval: Double

  private struct FileMark: Sendable {
    var size: UInt64
    var modified: String
  }

  private struct State: Sendable {
    var stopped = false
    var process: Int32?
    var root: String?
    var rootIsFolder = true
    var marks: [String: FileMark] = [:]
  }

  private let state = Mutex(State())

  /// - Parameters:
  ///   - folder: where the copy is kept (created if missing).
  ///   - sshCommand: the ssh program and its options; `sshCommand(environment:)` by default.
  package init(
    remote: RemotePath, folder: String, sshCommand: [String] = RemoteMirror.sshCommand(),
    interval: Double = 0.5
  ) {
    self.remote = remote
    self.folder = folder
    self.sshCommand = sshCommand
    self.interval = interval
  }

  /// `DLTOP_SSH_COMMAND` split at spaces, or `ssh`.
  package static func sshCommand(
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> [String] {
    let words = (environment["DLTOP_SSH_COMMAND"] ?? "").split(separator: " ").map(String.init)
    return words.isEmpty ? ["ssh"] : words
  }

  /// The local path of the watched run: the copy's folder, or the copied file when the remote
  /// path is a file. Known after the first pass.
  package var localPath: String {
    state.withLock { state in
      guard let root = state.root, !state.rootIsFolder else { return folder }
      return folder + "/" + (root as NSString).lastPathComponent
    }
  }

  /// Copies the remote run once (for `dltop diagnose`).
  /// - Throws: `Failure` with ssh's or the remote program's message.
  package func copyOnce() throws(Failure) {
    let result = connect(once: true, onFirstPass: {})
    guard result.passes > 0 else { throw failure(result) }
  }

  /// Connects, waits until the copy holds the whole run once, then keeps it up to date in the
  /// background until `stop()`, reconnecting after drops.
  /// - Throws: `Failure` when the first connection fails.
  package func start(onEvent: @escaping @Sendable (Event) -> Void) throws(Failure) {
    let firstPass = DispatchSemaphore(value: 0)
    let firstFailure = Mutex<Failure?>(nil)
    let thread = Thread { [self] in
      var connected = false
      var afterDrop = false
      var pause = 1.0
      while !state.withLock({ $0.stopped }) {
        let result = connect(once: false) {
          if !connected {
            connected = true
            firstPass.signal()
          } else if afterDrop {
            afterDrop = false
            onEvent(.reconnected)
          }
        }
        if state.withLock({ $0.stopped }) { break }
        guard connected else {
          firstFailure.withLock { $0 = failure(result) }
          firstPass.signal()
          return
        }
        if result.fatal {
          onEvent(.lost(failure(result).message + "; not retrying"))
          return
        }
        onEvent(.lost(failure(result).message + "; reconnecting"))
        afterDrop = true
        pause = result.passes > 0 ? 1 : min(pause * 2, 10)
        Thread.sleep(forTimeInterval: pause)
      }
    }
    thread.start()
    firstPass.wait()
    if let failure = firstFailure.withLock({ $0 }) { throw failure }
  }

  /// Stops following: ends the ssh process (by its id) and lets the background thread finish.
  package func stop() {
    let pid = state.withLock { state -> Int32? in
      state.stopped = true
      return state.process
    }
    if let pid { kill(pid, SIGTERM) }
  }

  // MARK: - One connection

  private struct ConnectionResult {
    var passes = 0
    var status: Int32 = 0
    var stderr = ""
    var remoteFailure: String?
    var killedBySignal = false
    var fatal: Bool { remoteFailure != nil }
  }

  private func connect(once: Bool, onFirstPass: () -> Void) -> ConnectionResult {
    var result = ConnectionResult()
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments =
      sshCommand + [
        "-T", "-o", "BatchMode=yes", "-o", "ServerAliveInterval=5", "-o", "ServerAliveCountMax=3",
        remote.destination, remoteCommand(once: once),
      ]
    process.standardInput = FileHandle.nullDevice
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    do {
      try process.run()
    } catch {
      result.status = -1
      result.stderr = "cannot run \(sshCommand.first ?? "ssh"): \(error)"
      return result
    }
    let started = state.withLock { state -> Bool in
      if state.stopped { return false }
      state.process = process.processIdentifier
      return true
    }
    if !started { process.terminate() }
    var parser = MirrorFrameParser()
    let reader = output.fileHandleForReading
    reading: while true {
      let data = reader.availableData
      if data.isEmpty { break }
      let frames: [MirrorFrameParser.Frame]
      do {
        frames = try parser.feed(data)
      } catch {
        result.remoteFailure = "unexpected output from the remote side: \(error.line.prefix(200))"
        process.terminate()
        break
      }
      for frame in frames {
        switch frame {
        case .root(let text):
          state.withLock {
            $0.rootIsFolder = text.hasPrefix("d ")
            $0.root = String(text.dropFirst(2))
          }
        case .data(let path, let offset, let modified, let whole, let bytes):
          apply(path: path, offset: offset, modified: modified, whole: whole, bytes: bytes)
        case .tick:
          result.passes += 1
          if result.passes == 1 { onFirstPass() }
        case .failure(let message):
          result.remoteFailure = message
          break reading
        }
      }
    }
    // ssh writes a few lines at most to standard error; read them once standard output closed.
    let errorText = errors.fileHandleForReading.readDataToEndOfFile().suffix(4096)
    process.waitUntilExit()
    state.withLock { $0.process = nil }
    result.status = process.terminationStatus
    result.killedBySignal = process.terminationReason == .uncaughtSignal
    result.stderr = String(decoding: errorText, as: UTF8.self)
    return result
  }

  /// The command line the remote login shell runs: `sh -c SCRIPT dltop ROOT INTERVAL ONCE STATE`.
  private func remoteCommand(once: Bool) -> String {
    let marks = state.withLock { $0.marks }
    let lines = marks.map { "\($0.value.size) \($0.value.modified) \($0.key)" }.sorted()
    let arguments = [
      RemoteMirrorScript.source, "dltop-mirror", remote.path, String(interval), once ? "1" : "0",
      lines.joined(separator: "\n"),
    ]
    return "sh -c " + arguments.map(Self.quoted).joined(separator: " ")
  }

  /// `text` as one single-quoted shell word.
  private static func quoted(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }

  private func failure(_ result: ConnectionResult) -> Failure {
    if let message = result.remoteFailure { return Failure(message: "\(remote): \(message)") }
    let lines = result.stderr.split(whereSeparator: \.isNewline).map {
      $0.trimmingCharacters(in: .whitespaces)
    }.filter { !$0.isEmpty }
    let said = lines.last.map { ": \($0)" } ?? ""
    let how =
      result.killedBySignal
      ? "was killed (signal \(result.status))" : "failed (exit status \(result.status))"
    return Failure(message: "ssh \(remote.destination) \(how)\(said)")
  }

  // MARK: - The local copy

  /// Writes one frame into the copy and records how far the copy holds the file.
  private func apply(path: String, offset: UInt64, modified: String, whole: Bool, bytes: [UInt8]) {
    guard let local = localFile(for: path) else { return }
    let directory = (local as NSString).deletingLastPathComponent
    try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let descriptor = open(local, O_WRONLY | O_CREAT | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { return }
    defer { close(descriptor) }
    var info = stat()
    fstat(descriptor, &info)
    let held = UInt64(max(0, info.st_size))
    var start = offset
    var data = bytes[...]
    if !whole && held > offset {
      // The copy already has these bytes (a pass repeated after a reconnect): never write twice.
      let skip = Int(min(held - offset, UInt64(bytes.count)))
      data = bytes[skip...]
      start = offset + UInt64(skip)
    }
    let written = data.withUnsafeBytes { raw in
      raw.isEmpty ? 0 : pwrite(descriptor, raw.baseAddress, raw.count, off_t(start))
    }
    guard written == data.count else { return }
    if whole { ftruncate(descriptor, off_t(bytes.count)) }
    state.withLock {
      $0.marks[path] = FileMark(size: offset + UInt64(bytes.count), modified: modified)
    }
  }

  private func localFile(for remotePath: String) -> String? {
    let (root, isFolder) = state.withLock { ($0.root, $0.rootIsFolder) }
    guard let root else { return nil }
    if !isFolder || remotePath == root {
      return folder + "/" + (root as NSString).lastPathComponent
    }
    guard remotePath.hasPrefix(root + "/") else { return nil }
    let relative = String(remotePath.dropFirst(root.count + 1))
    guard !relative.split(separator: "/").contains("..") else { return nil }
    return folder + "/" + relative
  }
}
