import Foundation

/// Tails one log file as it grows and feeds the new bytes to its parser.
///
/// It polls: every `poll()` compares the file's size and inode with what it has read, then reads
/// what was appended. Polling (the session calls it every ~200 ms) was chosen over `DispatchSource`
/// file events because it also works on NFS and other network filesystems, where inotify sees no
/// remote writes, and costs one `stat` per file per poll.
///
/// The file is read from the start again, with a fresh parser, when it was
/// - truncated (its size shrank below what was read),
/// - replaced (the path now names another inode, e.g. a log rotated or rewritten by rename), or
/// - rewritten in place (its first bytes changed: Lightning rewrites `metrics.csv` with a wider
///   header when a new metric appears).
/// The result then says `reset`, and the consumer drops the records it had from this file.
///
/// Not thread-safe: a follower lives on the queue of the `WatchSession` that owns it.
package final class LogFollower {
  /// Why a file is read again from the start.
  package enum ResetKind: Sendable, Equatable {
    case truncated, replaced, rewritten
  }

  /// What one poll found.
  package struct Poll {
    /// Why the file is being read from the start again; the consumer drops this file's records first.
    package var reset: String? { resetKind.map(Self.describe) }
    package var resetKind: ResetKind?
    /// Items parsed from the new bytes (after the reset, if any).
    package var items: [LogItem] = []
    /// How many new bytes were read.
    package var bytesRead = 0

    private static func describe(_ kind: ResetKind) -> String {
      switch kind {
      case .truncated: "the file was truncated"
      case .replaced: "the file was replaced"
      case .rewritten: "the file was rewritten"
      }
    }
  }

  package let path: String
  package let format: LogFormat
  private let makeParser: () -> any IncrementalLogParser
  /// The byte parser; nil for a polled format, which `source` reads instead.
  private var parser: (any IncrementalLogParser)?
  /// For polled formats (databases, folders, rewritten JSON): the source asked instead of reading bytes.
  private var source: (any PolledLogSource)?
  /// The open file, or -1.
  private var descriptor: Int32 = -1
  /// Reused read buffer (one chunk), so following a big file allocates nothing per read.
  private var buffer: [UInt8] = []
  private var inode: UInt64?
  /// Bytes of the file consumed so far.
  package private(set) var offset: UInt64 = 0
  /// The file's size at the last poll (0 for a polled format): beyond `offset`, the backlog.
  package private(set) var knownSize: UInt64 = 0
  /// When the file last changed (seconds since 1970), as of the last poll.
  package private(set) var knownModification: Double?
  /// The first bytes read, to notice an in-place rewrite.
  private var head: [UInt8] = []
  private var vanished = false

  /// Bytes read per poll at most, so one poll of a huge file does not hold the queue for long.
  package var maximumBytesPerPoll = 64 << 20
  /// Bytes read by the first poll at most: the dashboard's first frame shows the start of a huge
  /// log at once (a few hundredths of a second), and the rest follows from the next poll on.
  package var firstPollBytes = 4 << 20
  private static let chunk = 1 << 20
  private static let headLength = 256
  /// Read buffers larger than this are released at the end of a poll.
  private static let idleBufferLimit = 64 << 10

  package init(
    path: String, format: LogFormat, makeParser: @escaping () -> any IncrementalLogParser
  ) {
    self.path = path
    self.format = format
    self.makeParser = makeParser
    self.parser = makeParser()
  }

  /// A follower whose parser `FormatDetector` makes.
  package convenience init(
    path: String, format: LogFormat, context: MetricNameMapping.Context? = nil
  ) {
    self.init(path: path, format: format) {
      FormatDetector.makeParser(for: format, path: path, context: context)
    }
  }

  /// A follower for a discovered file: a polled source for databases, folders and rewritten JSON,
  /// else the byte parser `FormatDetector` makes.
  package convenience init(file: LogDiscovery.File) {
    guard let source = PolledLogSources.make(for: file) else {
      self.init(path: file.path, format: file.format, context: file.context)
      return
    }
    self.init(path: file.path, format: file.format, source: source)
  }

  /// A follower that polls `source` instead of reading bytes.
  package init(path: String, format: LogFormat, source: any PolledLogSource) {
    self.path = path
    self.format = format
    self.makeParser = { preconditionFailure("a polled follower makes no byte parser") }
    self.source = source
  }

  deinit { if descriptor >= 0 { close(descriptor) } }

  /// Epochs the parser holds back until it knows they are complete.
  package var pendingEpochs: [EpochRecord] {
    if let source { return source.pendingEpochs }
    return (parser as? any PendingEpochsReporting)?.pendingEpochs ?? []
  }

  /// Reads whatever was appended since the last poll.
  package func poll() -> Poll {
    var items: [LogItem] = []
    var result = poll { items += $0 }
    result.items = items
    return result
  }

  /// Reads whatever was appended since the last poll, handing items to `consume` chunk by chunk
  /// (1 MB of file at a time), so a large backlog is never held as one array of items.
  /// - Parameter onReset: called with the reason, before any item, when the file is read again
  ///   from the start; the consumer drops this file's records there.
  /// - Returns: the poll's reset and byte count; its `items` stay empty.
  package func poll(onReset: (String) -> Void = { _ in }, consume: ([LogItem]) -> Void) -> Poll {
    var result = Poll()
    if source != nil { return pollSource(onReset: onReset, consume: consume) }
    guard let status = Self.status(of: path) else {
      if !vanished {
        vanished = true
        consume([
          .issue(LogIssue(path: path, message: "the file vanished; waiting for it to return"))
        ])
      }
      return result
    }
    vanished = false
    knownSize = status.size
    knownModification = status.modified
    if let inode, inode != status.inode {
      result.resetKind = .replaced
    } else if status.size < offset {
      result.resetKind = .truncated
    } else if !head.isEmpty, !read(at: 0, count: head.count).elementsEqual(head) {
      result.resetKind = .rewritten
    }
    if let reason = result.reset { onReset(reason) }
    if result.reset != nil || descriptor < 0 {
      if descriptor >= 0 { close(descriptor) }
      descriptor = open(path, O_RDONLY | O_CLOEXEC)
      inode = status.inode
      if result.reset != nil || offset > 0 { restart() }
    }
    // Read only what the file says it has (no 1 MB buffer for a file that did not grow), and give
    // the buffer back afterwards: a folder of 200 idle runs holds no read buffers.
    let limit = offset == 0 ? min(maximumBytesPerPoll, firstPollBytes) : maximumBytesPerPoll
    var budget = Int(min(UInt64(limit), status.size > offset ? status.size - offset : 0))
    defer { if buffer.count > Self.idleBufferLimit { buffer = [] } }
    while budget > 0 {
      let bytes = read(at: offset, count: min(Self.chunk, budget))
      if bytes.isEmpty { break }
      if head.count < Self.headLength {
        head += bytes.prefix(Self.headLength - head.count)
      }
      offset += UInt64(bytes.count)
      budget -= bytes.count
      result.bytesRead += bytes.count
      consume(parser?.feed(bytes) ?? [])
    }
    return result
  }

  /// The writer is done: parse what is pending (a last line without a newline, a cut record).
  package func finish() -> [LogItem] {
    if var current = source {
      let items = current.finish()
      source = current
      return items
    }
    return parser?.finish() ?? []
  }

  private func pollSource(onReset: (String) -> Void, consume: ([LogItem]) -> Void) -> Poll {
    var result = Poll()
    guard var current = source else { return result }
    knownModification = Self.status(of: path)?.modified ?? knownModification
    source = nil
    let outcome = current.poll()
    source = current
    if outcome.restarted && offset > 0 {
      result.resetKind = .rewritten
      onReset("the log was rewritten")
    }
    offset += UInt64(outcome.amountRead)
    result.bytesRead = outcome.amountRead
    if !outcome.items.isEmpty { consume(outcome.items) }
    return result
  }

  private func restart() {
    parser = makeParser()
    offset = 0
    head = []
  }

  /// Up to `count` bytes at `position`, in the reused buffer (valid until the next read).
  /// The corresponding C call is `pread`.
  private func read(at position: UInt64, count: Int) -> ArraySlice<UInt8> {
    guard descriptor >= 0, count > 0 else { return [] }
    if buffer.count < count { buffer = [UInt8](repeating: 0, count: count) }
    let fd = descriptor
    let got = buffer.withUnsafeMutableBytes { raw in
      pread(fd, raw.baseAddress, count, off_t(position))
    }
    return got > 0 ? buffer[0..<got] : []
  }

  private static func status(of path: String) -> (size: UInt64, inode: UInt64, modified: Double?)? {
    guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
      let size = (attributes[.size] as? NSNumber)?.uint64Value
    else { return nil }
    let inode = (attributes[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0
    let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970
    return (size, inode, modified)
  }
}
