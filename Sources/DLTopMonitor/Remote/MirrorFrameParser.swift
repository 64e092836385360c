import Foundation

/// Splits the byte stream of `RemoteMirrorScript` into frames.
///
/// Pure and incremental: bytes arrive in any pieces; a frame whose data has not all arrived waits.
/// A connection that ends mid-frame leaves that frame unapplied (`pendingByteCount > 0`), which is
/// what lets a reconnect resume from the last complete frame without losing or repeating bytes.
package struct MirrorFrameParser: Sendable {
  package enum Frame: Sendable, Equatable {
    /// Bytes of `path` from `offset` (`whole`: the file's complete new content, offset 0).
    case data(path: String, offset: UInt64, modified: String, whole: Bool, bytes: [UInt8])
    /// The remote root, `~` expanded.
    case root(String)
    /// One pass over the files is complete.
    case tick
    /// The remote program gave up (no such folder, no GNU find…).
    case failure(String)
  }

  /// A line that is not a frame header.
  package struct Malformed: Error, Sendable, Equatable {
    package var line: String
  }

  private var pending: [UInt8] = []
  private var header: (path: String, offset: UInt64, count: Int, modified: String, whole: Bool)?

  package init() {}

  /// Bytes received that belong to no complete frame yet.
  package var pendingByteCount: Int { pending.count }

  /// Splits a whole stream held in memory: the entry point for fuzzing.
  package static func frames(in data: Data) -> Result<[Frame], Malformed> {
    var parser = MirrorFrameParser()
    do {
      return .success(try parser.feed(data))
    } catch {
      return .failure(error)
    }
  }

  /// Appends `bytes` and returns every frame they complete.
  package mutating func feed(_ bytes: some Collection<UInt8>) throws(Malformed) -> [Frame] {
    pending.append(contentsOf: bytes)
    var frames: [Frame] = []
    var position = 0
    while true {
      if let current = header {
        guard pending.count - position >= current.count else { break }
        let data = Array(pending[position..<position + current.count])
        position += current.count
        header = nil
        frames.append(
          .data(
            path: current.path, offset: current.offset, modified: current.modified,
            whole: current.whole, bytes: data))
        continue
      }
      guard let newline = pending[position...].firstIndex(of: 0x0A) else { break }
      let line = String(decoding: pending[position..<newline], as: UTF8.self)
      position = newline + 1
      if line == "T" {
        frames.append(.tick)
      } else if line.hasPrefix("R ") {
        frames.append(.root(String(line.dropFirst(2))))
      } else if line.hasPrefix("X ") {
        frames.append(.failure(String(line.dropFirst(2))))
      } else {
        let fields = line.split(separator: " ", maxSplits: 4, omittingEmptySubsequences: false)
        guard fields.count == 5, fields[0] == "A" || fields[0] == "W",
          let offset = UInt64(fields[1]), let count = Int(fields[2]), count >= 0
        else {
          pending.removeFirst(position)
          throw Malformed(line: line)
        }
        header = (String(fields[4]), offset, count, String(fields[3]), fields[0] == "W")
      }
    }
    pending.removeFirst(position)
    return frames
  }
}
