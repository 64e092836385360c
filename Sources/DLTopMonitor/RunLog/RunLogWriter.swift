import Foundation

/// Writes dltop's run log as the run goes: a folder per run holding `run.jsonl` (a header line with
/// the configuration, then `epoch`, sampled `batch` and `event` lines) and, when early stopping
/// restores them, `best-weights.bin`.
///
/// Lines are handed to `write(2)` at each epoch end (batch lines wait in memory until then), so a
/// killed dltop — SIGKILL included — loses at most the epoch in progress; fsync is not needed for
/// that. Non-finite numbers are written as the bare tokens `NaN`, `Infinity`, `-Infinity`.
/// When a write fails (disk full), the file is cut back to its last whole line and the lines wait
/// for the next flush; the caller reports each thrown `RunLogError` and checks `isComplete` at the end.
/// Used from the training queue only; not thread-safe.
package final class RunLogWriter {
  /// The run folder.
  package let directory: String
  /// The `run.jsonl` path.
  package let logPath: String
  /// A batch line is kept every `batchStride` steps; the stride doubles whenever an epoch has kept
  /// `maxBatchLinesPerEpoch` lines, so the stream's rate stays bounded on huge epochs.
  package private(set) var batchStride: Int
  package let maxBatchLinesPerEpoch: Int
  /// How many `flush` calls failed (disk full, I/O error); each failure was also thrown.
  package private(set) var failedWrites = 0
  /// Bytes dropped because the disk stayed full while more than `maxPendingBytes` waited.
  package private(set) var droppedBytes = 0
  /// Lines wait in memory for a failed write's retry up to this size, then are dropped (and counted).
  package let maxPendingBytes = 16 << 20
  /// Whether every line handed to the writer so far is in the file.
  package var isComplete: Bool { pending.isEmpty && droppedBytes == 0 }
  private let descriptor: Int32
  private var pending: [UInt8] = []
  /// The file's size after the last complete write: a failed write is cut back to it.
  private var committedSize: off_t = 0
  private var batchLinesThisEpoch = 0
  private var closed = false

  /// Creates the folder (if needed) and the log with its header.
  /// - Parameters:
  ///   - directory: the run folder; nil for `parent/<yyyyMMdd>-<HHmmss>-<dataset>` (with `-2`, `-3`…
  ///     if that exists).
  ///   - parent: where default folders go (`./dltop-runs`).
  ///   - run: the configuration for the header.
  ///   - started: the start time, written as ISO 8601 and used for the default folder name.
  /// - Throws: `RunLogError` when the folder cannot be made or already holds a run log.
  package init(
    directory: String? = nil, parent: String = "dltop-runs", run: RunDescription,
    started: Date = Date(),
    batchStride: Int = 10, maxBatchLinesPerEpoch: Int = 1000
  ) throws(RunLogError) {
    let folder =
      directory
      ?? Self.defaultDirectory(parent: parent, dataset: run.dataset ?? run.name, date: started)
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    } catch {
      throw RunLogError(
        path: folder, message: "cannot create the run folder: \(Self.reason(of: error))")
    }
    self.directory = folder
    logPath = (folder as NSString).appendingPathComponent(RunLogFormat.fileName)
    self.batchStride = max(1, batchStride)
    self.maxBatchLinesPerEpoch = max(1, maxBatchLinesPerEpoch)
    descriptor = open(logPath, O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
      let message =
        errno == EEXIST
        ? "already holds a run log; choose another --run-dir" : String(cString: strerror(errno))
      throw RunLogError(path: logPath, message: message)
    }
    pending += Array(Self.headerLine(run: run, started: started).utf8)
    try flush()
  }

  /// Reopens the log of a run that goes on (`dltop train --resume`): the file is cut back to
  /// `size` bytes (the log as it was at the checkpoint; what follows belongs to an epoch that did
  /// not end) and later lines are appended; no header is written.
  /// - Throws: `RunLogError` when the log cannot be opened or cut.
  package init(
    resuming directory: String, truncatingTo size: Int, batchStride: Int,
    maxBatchLinesPerEpoch: Int = 1000
  ) throws(RunLogError) {
    self.directory = directory
    logPath = (directory as NSString).appendingPathComponent(RunLogFormat.fileName)
    self.batchStride = max(1, batchStride)
    self.maxBatchLinesPerEpoch = max(1, maxBatchLinesPerEpoch)
    descriptor = open(logPath, O_WRONLY | O_APPEND | O_CLOEXEC)
    guard descriptor >= 0 else {
      throw RunLogError(path: logPath, message: String(cString: strerror(errno)))
    }
    guard ftruncate(descriptor, off_t(size)) == 0 else {
      let message = String(cString: strerror(errno))
      Foundation.close(descriptor)
      throw RunLogError(path: logPath, message: "cannot cut the log back: \(message)")
    }
    committedSize = off_t(size)
  }

  /// The log's size after its last complete write: where a resumed run cuts it back to.
  package var committedBytes: Int { Int(committedSize) }

  deinit {
    if !closed { Foundation.close(descriptor) }
  }

  /// `parent/<yyyyMMdd>-<HHmmss>-<dataset>`, or with `-2`, `-3`… appended when that exists.
  package static func defaultDirectory(parent: String, dataset: String, date: Date) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.dateFormat = "yyyyMMdd-HHmmss"
    let safe = String(
      dataset.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." ? $0 : "-" })
    let base = (parent as NSString).appendingPathComponent(
      "\(formatter.string(from: date))-\(safe.isEmpty ? "run" : safe)")
    var candidate = base
    var suffix = 2
    while FileManager.default.fileExists(atPath: candidate) {
      candidate = "\(base)-\(suffix)"
      suffix += 1
    }
    return candidate
  }

  static func headerLine(run: RunDescription, started: Date) -> String {
    var config: [(String, String)] = []
    let named: [(String, String?)] = [
      ("name", run.name), ("source", run.source), ("dataset", run.dataset), ("model", run.model),
      ("optimizer", run.optimizer),
    ]
    let keys = Set(run.configuration.map(\.key))
    for (key, value) in named where !keys.contains(key) {
      if let value { config.append((key, JSONText.string(value))) }
    }
    config += run.configuration.map { ($0.key, JSONText.string($0.value)) }
    var members: [(String, String)] = [
      ("type", JSONText.string("header")), ("version", String(RunLogFormat.version)),
      ("config", JSONText.object(config)),
      ("started", JSONText.string(ISO8601DateFormatter().string(from: started))),
    ]
    if let classes = run.classNames {
      members.append(("classes", "[" + classes.map(JSONText.string).joined(separator: ",") + "]"))
    }
    return JSONText.object(members) + "\n"
  }

  /// Appends the epoch line after the batch lines kept during the epoch and hands them to the file.
  /// - Throws: `RunLogError` when the write fails (disk full…); the lines stay pending for the next try.
  package func writeEpoch(_ record: EpochRecord) throws(RunLogError) {
    var members: [(String, String)] = [
      ("type", JSONText.string("epoch")), ("epoch", String(record.epoch)),
    ]
    let metrics = MetricOrder.sorted(record.metrics.keys).map {
      ($0, JSONText.number(record.metrics[$0] ?? .nan))
    }
    members.append(("metrics", JSONText.object(metrics)))
    if let seconds = record.seconds { members.append(("seconds", JSONText.number(seconds))) }
    pending += Array((JSONText.object(members) + "\n").utf8)
    batchLinesThisEpoch = 0
    try flush()
  }

  /// Appends the validation confusion matrix of one epoch (`counts[true][predicted]`); written
  /// with the epoch's line.
  package func writeConfusion(_ confusion: ConfusionRecord) throws(RunLogError) {
    let rows = confusion.counts.map { "[" + $0.map(String.init).joined(separator: ",") + "]" }
    let members: [(String, String)] = [
      ("type", JSONText.string("confusion")), ("epoch", String(confusion.epoch)),
      ("counts", "[" + rows.joined(separator: ",") + "]"),
    ]
    pending += Array((JSONText.object(members) + "\n").utf8)
  }

  /// Appends the test split's result and writes it at once.
  package func writeTest(_ test: TestSummary) throws(RunLogError) {
    var members: [(String, String)] = [
      ("type", JSONText.string("test")), ("loss", JSONText.number(test.loss)),
    ]
    if let accuracy = test.accuracy { members.append(("accuracy", JSONText.number(accuracy))) }
    if let confusion = test.confusion {
      let rows = confusion.map { "[" + $0.map(String.init).joined(separator: ",") + "]" }
      members.append(("confusion", "[" + rows.joined(separator: ",") + "]"))
    }
    if let positive = test.positiveClass { members.append(("positive_class", String(positive))) }
    if let count = test.sampleCount { members.append(("samples", String(count))) }
    if let regression = test.regression {
      members.append(("mse", JSONText.number(regression.meanSquaredError)))
      members.append(("mae", JSONText.number(regression.meanAbsoluteError)))
      members.append(("r2", JSONText.number(regression.rSquared)))
    }
    pending += Array((JSONText.object(members) + "\n").utf8)
    try flush()
  }

  /// Appends the run's end: `{"type":"end","status":"finished","reason":"…","epoch":N}`.
  package func writeEnd(_ status: RunStatus, lastEpoch: Int?) throws(RunLogError) {
    var members: [(String, String)] = [
      ("type", JSONText.string("end")), ("status", JSONText.string(status.label.lowercased())),
    ]
    switch status {
    case .finished(let reason), .stopped(let reason), .failed(let reason):
      members.append(("reason", JSONText.string(reason)))
    default:
      break
    }
    if case .diverged(let epoch) = status {
      members.append(("epoch", String(epoch)))
    } else if let lastEpoch {
      members.append(("epoch", String(lastEpoch)))
    }
    pending += Array((JSONText.object(members) + "\n").utf8)
    try flush()
  }

  /// Keeps a batch line when `step` falls on the sampling stride; written at the next epoch end.
  package func writeBatch(
    step: Int, epoch: Int, loss: Double, learningRate: Double?, accuracy: Double? = nil
  ) {
    guard step % batchStride == 0 else { return }
    var members: [(String, String)] = [
      ("type", JSONText.string("batch")), ("step", String(step)), ("epoch", String(epoch)),
      ("loss", JSONText.number(loss)),
    ]
    if let learningRate { members.append(("lr", JSONText.number(learningRate))) }
    if let accuracy { members.append(("accuracy", JSONText.number(accuracy))) }
    pending += Array((JSONText.object(members) + "\n").utf8)
    batchLinesThisEpoch += 1
    if batchLinesThisEpoch >= maxBatchLinesPerEpoch {
      batchStride *= 2
      batchLinesThisEpoch = 0
    }
  }

  /// Appends an event line and writes it at once (events are rare and worth keeping).
  package func writeEvent(_ event: RunEvent) throws(RunLogError) {
    var members: [(String, String)] = [
      ("type", JSONText.string("event")), ("kind", JSONText.string(event.kind.rawValue)),
    ]
    if let epoch = event.epoch { members.append(("epoch", String(epoch))) }
    members.append(("elapsed", JSONText.number(event.elapsedSeconds)))
    members.append(("text", JSONText.string(event.text)))
    pending += Array((JSONText.object(members) + "\n").utf8)
    try flush()
  }

  /// Writes `data` to `best-weights.bin` in the run folder through a temporary file and a rename,
  /// so the file on disk is always a complete set of weights.
  /// - Returns: the path written.
  @discardableResult
  package func writeBestWeights(_ data: [UInt8]) throws(RunLogError) -> String {
    let target = (directory as NSString).appendingPathComponent(RunLogFormat.bestWeightsFileName)
    try AtomicFile.write(data, to: target)
    return target
  }

  /// Hands every pending line to the file with `write(2)`.
  ///
  /// All or nothing: when a write fails part-way (the disk filled up), the file is cut back to its
  /// last complete line with `ftruncate(2)`, so a reader never sees half a record, and the lines
  /// stay pending for the next flush (up to `maxPendingBytes`, then they are dropped and counted).
  /// - Throws: `RunLogError` with the system's reason; `failedWrites` counts these.
  package func flush() throws(RunLogError) {
    guard !closed else { throw RunLogError(path: logPath, message: "the run log is closed") }
    var written = 0
    while written < pending.count {
      let count = pending[written...].withUnsafeBytes {
        Foundation.write(descriptor, $0.baseAddress, $0.count)
      }
      if count < 0 && errno == EINTR { continue }
      if count <= 0 {
        let reason = count < 0 ? String(cString: strerror(errno)) : "no bytes written"
        if written > 0 { _ = ftruncate(descriptor, committedSize) }
        failedWrites += 1
        var message = reason
        if pending.count > maxPendingBytes {
          droppedBytes += pending.count
          message += "; \(pending.count) bytes of lines dropped"
          pending.removeAll()
        }
        throw RunLogError(path: logPath, message: message)
      }
      written += count
    }
    committedSize += off_t(written)
    pending.removeAll(keepingCapacity: true)
  }

  /// Writes what is pending and closes the file.
  package func close() throws(RunLogError) {
    guard !closed else { return }
    defer {
      Foundation.close(descriptor)
      closed = true
    }
    try flush()
  }

  private static func reason(of error: any Error) -> String {
    (error as NSError).localizedDescription
  }
}
