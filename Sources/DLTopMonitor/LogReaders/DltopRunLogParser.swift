/// Reads dltop's own run log (`run.jsonl`, written by `RunLogWriter`): a header line
/// `{"type":"header","version":1,"config":{…},"started":"…"}`, then `epoch`, `batch` and `event`
/// lines. The header must come first; an unknown record type or version is reported as an issue.
package struct DltopRunLogParser: IncrementalLogParser {
  package var format: LogFormat { .dltopRunLog }
  private var inner: JSONLinesParser

  /// - Parameter skipsBatchLines: skip the sampled batch lines unparsed (diagnosis needs epochs).
  package init(path: String, skipsBatchLines: Bool = false) {
    inner = JSONLinesParser(path: path, format: .dltopRunLog)
    inner.skipsBatchLines = skipsBatchLines
  }

  /// Events logged by the run (early stop, schedule steps, snapshots), oldest first.
  package var events: [RunEvent] { inner.events }
  /// The class names from the header, for classification runs.
  package var classNames: [String]? { inner.classNames }
  /// When the run started (ISO 8601 text from the header).
  package var started: String? { inner.started }

  package mutating func feed(_ bytes: ArraySlice<UInt8>) -> [LogItem] { inner.feed(bytes) }
  package mutating func finish() -> [LogItem] { inner.finish() }
}
