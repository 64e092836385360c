import Foundation

/// Reads Ultralytics' `results.csv` (YOLO `train`): a header `epoch, time, train/box_loss, …`,
/// then one row per epoch, epochs counted from 1.
///
/// Older versions pad header and cells with spaces to a fixed width (`%23s`); cells and names are
/// trimmed. Names map as: `train/loss` → `loss` and `val/loss` → `val_loss` (classification);
/// detection and segmentation log their loss in parts (`train/box_loss`, `train/cls_loss`,
/// `train/dfl_loss`, …), whose sum — the total loss Ultralytics itself optimizes and prints — becomes
/// `loss` (`val_loss` likewise from `val/*_loss`), and the parts keep their own names;
/// `metrics/accuracy_top1` → `val_accuracy` (it is measured on the validation split); `lr/pg0` → `lr`
/// (`lr/pg1`, `lr/pg2` keep their names); `time` (seconds since the start) gives each epoch's
/// duration. A run resumed from a checkpoint appends rows for epochs it had already written; the
/// later row is emitted again and replaces the earlier one where records are merged by epoch.
package struct UltralyticsCSVParser: IncrementalLogParser {
  package let format = LogFormat.ultralyticsCSV
  package let path: String
  private var lines = LineBuffer()
  private var columns: [String]?
  private var previousTime: Double?

  package init(path: String) {
    self.path = path
  }

  /// Whether a CSV header is Ultralytics': an `epoch` column and `train/`, `metrics/` or `lr/pg` ones.
  package static func isUltralyticsHeader(_ columns: [String]) -> Bool {
    columns.contains("epoch")
      && columns.contains {
        $0.hasPrefix("train/") || $0.hasPrefix("metrics/") || $0.hasPrefix("lr/pg")
      }
  }

  /// Parses a whole `results.csv` held in memory: the entry point for fuzzing and one-shot reads.
  package static func parse(_ data: Data, path: String = "results.csv") -> [LogItem] {
    var parser = UltralyticsCSVParser(path: path)
    return parser.feed([UInt8](data)[...]) + parser.finish()
  }

  package mutating func feed(_ bytes: ArraySlice<UInt8>) -> [LogItem] {
    lines.feed(bytes).compactMap { parse(line: $0.text, number: $0.number) }
  }

  package mutating func finish() -> [LogItem] {
    guard let last = lines.finish() else { return [] }
    return parse(line: last.text, number: last.number).map { [$0] } ?? []
  }

  private mutating func parse(line: String, number: Int) -> LogItem? {
    let cells = CSVRow.split(line, separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    if cells.allSatisfy(\.isEmpty) { return nil }
    guard let columns else {
      self.columns = cells
      return nil
    }
    if cells == columns { return nil }
    guard cells.count == columns.count else {
      return .issue(
        LogIssue(
          path: path, line: number,
          message: "expected \(columns.count) cells as in the header, found \(cells.count)"))
    }
    var epoch: Int?
    var time: Double?
    var metrics: [String: Double] = [:]
    var trainLoss: Double?
    var validationLoss: Double?
    for (column, cell) in zip(columns, cells) {
      guard !cell.isEmpty else { continue }
      guard let value = JSONNumberText.parse(cell) else {
        return .issue(
          LogIssue(
            path: path, line: number, field: column, message: "'\(cell)' is not a number"))
      }
      switch column {
      case "epoch":
        // `Int(exactly:)`: a whole number too large for an Int is no epoch either (found by fuzzing).
        guard let whole = Int(exactly: value) else {
          return .issue(
            LogIssue(
              path: path, line: number, field: column, message: "'\(cell)' is not an epoch number"))
        }
        epoch = whole
      case "time": time = value
      case "train/loss": trainLoss = value
      case "val/loss": validationLoss = value
      case "metrics/accuracy_top1": metrics[MetricName.validationAccuracy] = value
      case "lr/pg0": metrics[MetricName.learningRate] = value
      default:
        metrics[column] = value
        if column.hasPrefix("train/") && column.hasSuffix("_loss") {
          trainLoss = (trainLoss ?? 0) + value
        } else if column.hasPrefix("val/") && column.hasSuffix("_loss") {
          validationLoss = (validationLoss ?? 0) + value
        }
      }
    }
    guard let epoch else {
      return .issue(LogIssue(path: path, line: number, field: "epoch", message: "no epoch column"))
    }
    if let trainLoss { metrics[MetricName.loss] = trainLoss }
    if let validationLoss { metrics[MetricName.validationLoss] = validationLoss }
    var seconds: Double?
    if let time {
      if let previousTime, time >= previousTime { seconds = time - previousTime }
      previousTime = time
    }
    return .epoch(EpochRecord(epoch: epoch, metrics: metrics, seconds: seconds))
  }
}
