import Foundation

/// Reads PyTorch Lightning's `CSVLogger` file `metrics.csv` incrementally.
///
/// Lightning writes one row per `log_metrics` call under a sorted union header
/// (`epoch,lr-Adam,step,train_loss_epoch,train_loss_step,val_acc,val_loss`): training-step rows,
/// validation rows and epoch-end rows fill different columns and leave the rest empty, and
/// `LearningRateMonitor` rows carry no epoch. Columns are read by role:
///
/// | column                               | becomes                                               |
/// |--------------------------------------|-------------------------------------------------------|
/// | `epoch`, `step`                      | the row's keys (epochs counted from 0, as Lightning)  |
/// | `*_step` (`train_loss_step`)         | `.step` items only                                    |
/// | `*_epoch` (`train_loss_epoch`)       | the epoch's value                                     |
/// | `val_*`, `valid_*`, `validation_*`   | the epoch's value                                     |
/// | `lr-Adam`, `lr`, `learning_rate`     | `.step` items, and the epoch's `lr` (latest before its rows) |
/// | anything else (`train_loss` logged per step) | `.step` items, and the epoch's mean, unless a `*_epoch` column gives it |
///
/// Rows are merged by epoch into one `EpochRecord`, emitted when a row of another epoch arrives or
/// at `finish()` (`pendingEpochs` shows it before). A cell that is not a number becomes a
/// `LogIssue` naming file, line and column, and that row is skipped.
package struct LightningCSVParser: IncrementalLogParser, PendingEpochsReporting {
  package let format = LogFormat.lightningCSV
  package let path: String

  enum Role: Equatable {
    case epoch, step, learningRate
    case stepMetric(String)
    case epochMetric(String)
    case mixed(String)
  }

  private var pending: [UInt8] = []
  var lineNumber = 0
  /// Reused storage for a row's cells (emptied after each row, so no pointer outlives its line).
  private var scratchCells: [UnsafeRawBufferPointer] = []
  var columns: [String] = []
  var roles: [Role] = []
  var header: [UInt8]?
  var rowsRead = 0
  var latestLearningRate: Double?
  var openEpoch: Int?
  var openValues: [String: Double] = [:]
  var openSums: [String: (sum: Double, count: Int)] = [:]
  var openLearningRate: Double?
  /// The highest step among the open epoch's rows: where it ended.
  var openEndStep: Int?
  /// Every metric name seen in the header, mapped.
  package internal(set) var metricNames: Set<String> = []

  package init(path: String) {
    self.path = path
  }

  package mutating func feed(_ bytes: ArraySlice<UInt8>) -> [LogItem] {
    pending.append(contentsOf: bytes)
    var items: [LogItem] = []
    var buffer = pending
    pending = []
    let consumed = buffer.withUnsafeBytes { raw -> Int in
      var start = 0
      while start < raw.count {
        guard let base = raw.baseAddress,
          let newline = memchr(base + start, 0x0A, raw.count - start)
        else { break }
        let end = base.distance(to: UnsafeRawPointer(newline))
        line(UnsafeRawBufferPointer(rebasing: raw[start..<end]), into: &items)
        start = end + 1
      }
      return start
    }
    buffer.removeFirst(consumed)
    pending = buffer
    return items
  }

  package mutating func finish() -> [LogItem] {
    var items: [LogItem] = []
    if !pending.isEmpty {
      let last = pending
      pending = []
      last.withUnsafeBytes { line($0, into: &items) }
    }
    emitOpenEpoch(into: &items)
    return items
  }

  package var pendingEpochs: [EpochRecord] {
    var copy = self
    return copy.takeOpenEpoch().map { [$0] } ?? []
  }

  private mutating func line(_ raw: UnsafeRawBufferPointer, into items: inout [LogItem]) {
    lineNumber += 1
    var bytes = raw
    if bytes.last == 0x0D { bytes = UnsafeRawBufferPointer(rebasing: bytes.dropLast()) }
    guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
    if bytes[0] == 0x20 && bytes.allSatisfy({ $0 == 0x20 }) { return }
    guard let header else {
      readHeader(bytes)
      return
    }
    if header.count == bytes.count && header.elementsEqual(bytes) { return }
    if memchr(base, 0x22, bytes.count) != nil {
      let cells = CSVRow.split(String(decoding: bytes, as: UTF8.self), separator: ",")
      row(cells, into: &items)
      return
    }
    var cells = scratchCells
    scratchCells = []
    cells.removeAll(keepingCapacity: true)
    var start = 0
    while let comma = memchr(base + start, 0x2C, bytes.count - start) {
      let end = base.distance(to: UnsafeRawPointer(comma))
      cells.append(UnsafeRawBufferPointer(rebasing: bytes[start..<end]))
      start = end + 1
    }
    cells.append(UnsafeRawBufferPointer(rebasing: bytes[start..<bytes.count]))
    row(cells, into: &items)
    cells.removeAll(keepingCapacity: true)
    scratchCells = cells
  }

  /// The slow path for a row with quoted cells: unquote with `CSVRow`, then read the cells.
  private mutating func row(_ texts: [String], into items: inout [LogItem]) {
    var flat: [UInt8] = []
    var ranges: [Range<Int>] = []
    for text in texts {
      let start = flat.count
      flat.append(contentsOf: text.utf8)
      ranges.append(start..<flat.count)
    }
    flat.withUnsafeBytes { raw in
      row(ranges.map { UnsafeRawBufferPointer(rebasing: raw[$0]) }, into: &items)
    }
  }
}
