import Foundation

/// Reads a W&B offline run file (`wandb/offline-run-*/run-*.wandb`) incrementally.
///
/// `LevelDBLogReader` undoes the framing and checks each fragment's CRC-32, `WandbRecordDecoder`
/// picks history and config records out of the protobuf `Record`s, and a `MetricRowAssembler`
/// turns each `wandb.log` row into an epoch or a step (a row logging `epoch` is epoch-level; a run
/// that never logs `epoch` uses W&B's `_step` as the epoch). Damage keeps every record before it
/// and becomes a `LogIssue` with the byte offset.
package struct WandbParser: IncrementalLogParser, PendingEpochsReporting {
  package let format = LogFormat.wandb
  package let path: String
  private var framing = LevelDBLogReader()
  private var assembler = MetricRowAssembler()

  package init(path: String) {
    self.path = path
  }

  /// Parses a whole `.wandb` file in memory: the entry point for fuzzing and for one-shot reads.
  package static func parse(_ data: Data, path: String = "run.wandb") -> [LogItem] {
    var parser = WandbParser(path: path)
    return parser.feed([UInt8](data)[...]) + parser.finish()
  }

  package mutating func feed(_ bytes: ArraySlice<UInt8>) -> [LogItem] {
    var items: [LogItem] = []
    var framing = self.framing
    let problems = framing.feed(bytes) { record, offset in
      take(record, offset: offset, into: &items)
    }
    self.framing = framing
    items += problems.map { .issue(LogIssue(path: path, offset: $0.offset, message: $0.message)) }
    return items
  }

  package mutating func finish() -> [LogItem] {
    var items: [LogItem] = framing.finish().map {
      .issue(LogIssue(path: path, offset: $0.offset, message: $0.message))
    }
    assembler.finish(into: &items)
    return items
  }

  package var pendingEpochs: [EpochRecord] { assembler.pendingEpochs }

  private mutating func take(_ record: [UInt8], offset: Int, into items: inout [LogItem]) {
    do {
      switch try WandbRecordDecoder.decode(record[...]) {
      case .history(let step, let values):
        assembler.take(step: step, values: values, time: values["_timestamp"], into: &items)
      case .configuration(let pairs):
        if !pairs.isEmpty { items.append(.configuration(pairs)) }
      case .other:
        break
      }
    } catch {
      items.append(
        .issue(
          LogIssue(
            path: path, offset: offset, field: "Record",
            message: "\(error.message) at byte \(error.position) of the record")))
    }
  }
}
