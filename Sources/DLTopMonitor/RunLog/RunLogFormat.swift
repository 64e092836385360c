/// Constants of dltop's run-log format, shared by `RunLogWriter` and `DltopRunLogParser`.
package enum RunLogFormat {
  /// The header's `version`; bump it when a reader of the old version could misread the new lines.
  package static let version = 1
  /// The log's file name inside a run folder.
  package static let fileName = "run.jsonl"
  /// The file the best weights are saved to inside a run folder.
  package static let bestWeightsFileName = "best-weights.bin"
}
