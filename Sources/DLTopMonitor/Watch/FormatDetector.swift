import Foundation

/// Tells which log format a file holds, from its name and first bytes, and makes its parser.
///
/// - `events.out.tfevents.*`, or bytes that open with a valid TFRecord header → `tensorboard`
/// - a CSV header with both `epoch` and `step` columns (Lightning's `metrics.csv`) → `lightning-csv`
/// - a first line that is a JSON object → `jsonl`, or `dltop-runlog` when it is `"type":"header"`
/// - another CSV with an `epoch` column (Keras `CSVLogger`) → `keras-csv`
///
/// The text formats are decided by `LogFileReader.detectFormat`, which the monitor's readers share.
package enum FormatDetector {
  /// How many leading bytes `detect` needs to decide.
  package static let headLength = 4096

  /// The format of the file at `path` whose first bytes are `head`; nil when it is none of
  /// dltop's formats or still too short to say (an empty file that was just created).
  package static func detect(path: String, head: ArraySlice<UInt8>) -> LogFormat? {
    let name = (path as NSString).lastPathComponent
    if name.hasPrefix("events.out.tfevents.") || startsWithTFRecord(head) { return .tensorBoard }
    if name.hasSuffix(".wandb") || head.starts(with: LevelDBLogReader.fileHeader.prefix(4)) {
      return .wandb
    }
    let firstLine = head.prefix { $0 != 0x0A }
    guard !firstLine.isEmpty, head.contains(0x0A) || head.count >= headLength else { return nil }
    let header = String(decoding: firstLine, as: UTF8.self).trimmingCharacters(
      in: .whitespacesAndNewlines)
    if !header.hasPrefix("{") {
      let columns = CSVRow.split(header, separator: ",").map {
        $0.trimmingCharacters(in: .whitespaces).lowercased()
      }
      if columns.contains("step") && (columns.contains("epoch") || name == "metrics.csv") {
        return .lightningCSV
      }
      if UltralyticsCSVParser.isUltralyticsHeader(columns) { return .ultralyticsCSV }
    }
    return LogFileReader.detectFormat(path: path, head: head)
  }

  /// Reads the head of the file at `path` and detects its format.
  package static func detect(path: String) -> LogFormat? {
    guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
    defer { try? handle.close() }
    let head = (try? handle.read(upToCount: headLength)) ?? Data()
    return detect(path: path, head: [UInt8](head)[...])
  }

  /// A fresh parser for `format` (a byte-stream format: `format.isPolled` is false). `context` is
  /// the split of a TensorBoard run folder.
  package static func makeParser(
    for format: LogFormat, path: String, context: MetricNameMapping.Context? = nil
  ) -> any IncrementalLogParser {
    switch format {
    case .tensorBoard: TensorBoardParser(path: path, context: context)
    case .lightningCSV: LightningCSVParser(path: path)
    case .kerasCSV: KerasCSVParser(path: path)
    case .jsonLines: JSONLinesParser(path: path)
    case .dltopRunLog: DltopRunLogParser(path: path)
    case .wandb: WandbParser(path: path)
    case .ultralyticsCSV: UltralyticsCSVParser(path: path)
    case .huggingFace, .mlflowFileStore, .mlflowSQLite, .trackio:
      preconditionFailure("\(format.rawValue) is read through PolledLogSources, not from bytes")
    }
  }

  /// Whether `head` begins with a TFRecord length whose masked CRC-32C checks out.
  private static func startsWithTFRecord(_ head: ArraySlice<UInt8>) -> Bool {
    guard head.count >= 12 else { return false }
    let start = head.startIndex
    let crc = head[start + 8..<start + 12].reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
    return CRC32C.masked(CRC32C.checksum(head[start..<start + 8])) == crc
  }
}
