import ArgumentParser
import DLTopMonitor
import Foundation

/// `dltop train --resume RUN_DIR`, checked before anything trains: the run folder's checkpoint
/// (`resume.bin`) and log, the flags merged (those not given come from the run; a given one that
/// differs from the run is refused, except the run's length and early stopping), and the log's
/// records up to the checkpoint, which the new run's recorder replays.
struct ResumePlan: Sendable {
  var directory: String
  var state: ResumeState
  /// The run's flags with the ones given now.
  var options: TrainOptions
  /// `run.jsonl` up to the checkpoint, parsed (batch lines skipped).
  var logItems: [LogItem]
  /// The bytes after the checkpoint: the lines of the epoch that did not end (and a finished
  /// run's test result and end line), cut off when the run goes on.
  var droppedLogBytes: Int
  /// What changed against the run as recorded, one line each.
  var notes: [String] = []

  var checkpointPath: String { (directory as NSString).appendingPathComponent(ResumeFile.fileName) }
  var logPath: String { (directory as NSString).appendingPathComponent(RunLogFormat.fileName) }

  /// - Parameter arguments: the command line's arguments after `train`, `--resume` left out.
  /// - Throws: `CommandFailure` naming the file or the flag.
  static func load(directory: String, arguments: [String]) throws -> ResumePlan {
    let path = (directory as NSString).appendingPathComponent(ResumeFile.fileName)
    guard let data = FileManager.default.contents(atPath: path) else {
      let reason =
        FileManager.default.fileExists(atPath: directory)
        ? "no \(ResumeFile.fileName) in it (runs of this dltop write one at each epoch end)"
        : "no such folder"
      throw CommandFailure("--resume: '\(directory)': \(reason)")
    }
    let state: ResumeState
    do {
      state = try ResumeFile.decode([UInt8](data), path: path)
    } catch {
      throw CommandFailure("--resume: \(error)")
    }
    var plan = ResumePlan(
      directory: directory, state: state, options: try merge(state, arguments: arguments),
      logItems: [], droppedLogBytes: 0)
    try plan.readLog()
    return plan
  }

  /// The command line's arguments for `TrainOptions`: without the program, the `train`
  /// subcommand and `--resume DIR`.
  static func trainArguments(_ commandLine: [String]) -> [String] {
    var rest = Array(commandLine.dropFirst())
    if rest.first == "train" { rest.removeFirst() }
    var kept: [String] = []
    var index = 0
    while index < rest.count {
      if rest[index] == "--resume" {
        index += 2
        continue
      }
      if !rest[index].hasPrefix("--resume=") { kept.append(rest[index]) }
      index += 1
    }
    return kept
  }

  private static func merge(_ state: ResumeState, arguments: [String]) throws -> TrainOptions {
    let recorded: TrainOptions
    let merged: TrainOptions
    do {
      recorded = try TrainOptions.parse(state.arguments)
      merged = try TrainOptions.parse(state.arguments + arguments)
    } catch {
      throw CommandFailure("--resume: \(TrainOptions.message(for: error))")
    }
    if merged.runDir != nil || merged.noRunLog {
      throw CommandFailure(
        "--resume continues the log in its own folder; leave out \(merged.noRunLog ? "--no-run-log" : "--run-dir")"
      )
    }
    let before = Dictionary(recorded.runFlags.map { ($0.flag, $0.value) }, uniquingKeysWith: { $1 })
    for (flag, value) in merged.runFlags
    where !TrainOptions.flagsChangeableOnResume.contains(flag) && before[flag] != value {
      throw CommandFailure(
        "\(flag) \(describe(value)) conflicts with the resumed run's \(flag) \(describe(before[flag] ?? nil)); a resumed run keeps its configuration: leave \(flag) out (only --epochs, --early-stop and --no-early-stop may change)"
      )
    }
    let completed = state.completedEpochs
    if merged.epochs <= completed {
      throw CommandFailure(
        merged.epochs == recorded.epochs
          ? "--resume: the run has finished its \(recorded.epochs) epochs; give --epochs N above \(completed) to train further"
          : "--epochs \(merged.epochs): the run has already trained \(completed) epochs; give more")
    }
    return merged
  }

  private static func describe(_ value: String?) -> String {
    guard let value else { return "(not given)" }
    return value.isEmpty ? "(on)" : value
  }

  /// Reads `run.jsonl` up to the checkpoint and checks that it ends there, at the checkpoint's
  /// epoch, with epochs 1…N.
  private mutating func readLog() throws {
    guard let handle = FileHandle(forReadingAtPath: logPath) else {
      throw CommandFailure("--resume: \(logPath): no run log")
    }
    defer { try? handle.close() }
    let size = Int((try? handle.seekToEnd()) ?? 0)
    guard size >= state.logBytes, state.logBytes > 0 else {
      throw CommandFailure(
        "--resume: \(logPath) holds \(size) bytes, fewer than the \(state.logBytes) it held at epoch \(state.completedEpochs); it was changed after the checkpoint"
      )
    }
    try? handle.seek(toOffset: 0)
    let prefix = [UInt8](handle.readData(ofLength: state.logBytes))
    guard prefix.count == state.logBytes, prefix.last == UInt8(ascii: "\n") else {
      throw CommandFailure("--resume: \(logPath) does not end a line where the checkpoint says")
    }
    droppedLogBytes = size - state.logBytes
    var parser = DltopRunLogParser(path: logPath, skipsBatchLines: true)
    logItems = parser.feed(prefix[...]) + parser.finish()
    var epochs: [Int] = []
    for case .epoch(let record) in logItems where epochs.last != record.epoch {
      epochs.append(record.epoch)
    }
    guard epochs == Array(1...max(1, state.completedEpochs)) else {
      throw CommandFailure(
        "--resume: \(logPath) holds epochs \(epochs.first ?? 0)…\(epochs.last ?? 0) (\(epochs.count)) before the checkpoint, which is at epoch \(state.completedEpochs); the log was changed"
      )
    }
    let recorded = try? TrainOptions.parse(state.arguments)
    if let recorded, recorded.epochs != options.epochs {
      notes.append("epochs \(recorded.epochs) → \(options.epochs)")
    }
    if let recorded,
      recorded.earlyStop != options.earlyStop || recorded.noEarlyStop != options.noEarlyStop
    {
      notes.append(
        "early stopping \(recorded.noEarlyStop ? "off" : recorded.earlyStop) → \(options.noEarlyStop ? "off" : options.earlyStop)"
      )
    }
  }
}
