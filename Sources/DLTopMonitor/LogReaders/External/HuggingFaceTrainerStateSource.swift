import Foundation

/// Reads a Hugging Face `Trainer` run from its output folder: the newest `trainer_state.json`.
///
/// `Trainer` writes `checkpoint-N/trainer_state.json` at each save and the output folder's own
/// `trainer_state.json` at the end (`save_state`). Each holds the whole `log_history` so far, so
/// only the newest counts: the checkpoint with the largest N *as a number* (`checkpoint-1000` is
/// newer than `checkpoint-999`), or the folder's own file when its `global_step` is at least as far.
///
/// `log_history` entries become rows of a `MetricRowAssembler`: a training entry (`loss`,
/// `grad_norm`, `learning_rate`) or an evaluation entry (`eval_loss`, `eval_accuracy`, …) at a
/// whole `epoch` is epoch-level, numbered as Hugging Face numbers it (from 1); at a fractional
/// epoch it is a step. The final whole-run entry (`train_runtime`, `train_loss`) is not an epoch
/// and is skipped. Entries already taken are not taken again when a newer file repeats them; a
/// newer file whose history does not extend the old one (a new training in the same folder)
/// restarts the run.
package struct HuggingFaceTrainerStateSource: PolledLogSource {
  package static let fileName = "trainer_state.json"
  package let format = LogFormat.huggingFace
  package let folder: String

  /// The file read last and its size and modification time, to skip unchanged polls.
  private var lastSeen: (path: String, size: UInt64, modified: Date)?
  /// The entries taken so far, to recognise a newer file that extends them.
  private var taken: [[String: Double]] = []
  private var assembler = MetricRowAssembler()
  private var reportedConfiguration = false

  package init(folder: String) {
    self.folder = folder
  }

  /// The output folder a `trainer_state.json` at `path` belongs to (`out/checkpoint-20/…` → `out`).
  package static func outputFolder(of path: String) -> String {
    let parent = (path as NSString).deletingLastPathComponent
    let name = (parent as NSString).lastPathComponent
    return checkpointNumber(name) != nil ? (parent as NSString).deletingLastPathComponent : parent
  }

  /// N of a `checkpoint-N` folder name.
  package static func checkpointNumber(_ name: String) -> Int? {
    guard name.hasPrefix("checkpoint-") else { return nil }
    return Int(name.dropFirst("checkpoint-".count))
  }

  /// The newest `trainer_state.json` of `folder`, if any.
  package static func newestState(in folder: String) -> String? {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    let checkpoints = names.compactMap { name in checkpointNumber(name).map { (name, $0) } }
      .sorted { $0.1 > $1.1 }
    let newestCheckpoint = checkpoints.lazy.map { folder + "/" + $0.0 + "/" + fileName }
      .first { FileManager.default.fileExists(atPath: $0) }
    let own = folder + "/" + fileName
    guard FileManager.default.fileExists(atPath: own) else { return newestCheckpoint }
    guard let newestCheckpoint else { return own }
    return globalStep(own) ?? 0 >= globalStep(newestCheckpoint) ?? 0 ? own : newestCheckpoint
  }

  /// Reads one `trainer_state.json` held in memory: the entry point for fuzzing and one-shot reads.
  package static func parse(_ data: Data, path: String = fileName) -> [LogItem] {
    var source = HuggingFaceTrainerStateSource(folder: "")
    let state: JSONValue
    do {
      state = try JSONValue.parse(String(decoding: data, as: UTF8.self))
    } catch {
      return [.issue(LogIssue(path: path, message: "not valid JSON: \(error)"))]
    }
    return source.take(state, path: path).items + source.finish()
  }

  package mutating func poll() -> PolledLogOutcome {
    guard let path = Self.newestState(in: folder) else { return PolledLogOutcome() }
    let attributes = try? FileManager.default.attributesOfItem(atPath: path)
    let size = (attributes?[.size] as? NSNumber)?.uint64Value ?? 0
    let modified = attributes?[.modificationDate] as? Date ?? .distantPast
    if let lastSeen, lastSeen.path == path, lastSeen.size == size, lastSeen.modified == modified {
      return PolledLogOutcome()
    }
    guard let data = FileManager.default.contents(atPath: path) else { return PolledLogOutcome() }
    let state: JSONValue
    do {
      state = try JSONValue.parse(String(decoding: data, as: UTF8.self))
    } catch {
      // A file caught while `Trainer` writes it: read it again at the next poll.
      if data.count > 0 && data.last == UInt8(ascii: "}") {
        lastSeen = (path, size, modified)
        let issue = LogIssue(path: path, message: "not valid JSON: \(error)")
        return PolledLogOutcome(items: [.issue(issue)])
      }
      return PolledLogOutcome()
    }
    lastSeen = (path, size, modified)
    return take(state, path: path)
  }

  package mutating func finish() -> [LogItem] {
    var items: [LogItem] = []
    assembler.finish(into: &items)
    return items
  }

  package var pendingEpochs: [EpochRecord] { assembler.pendingEpochs }

  private mutating func take(_ state: JSONValue, path: String) -> PolledLogOutcome {
    guard case .array(let history)? = state["log_history"] else {
      return PolledLogOutcome(items: [
        .issue(LogIssue(path: path, field: "log_history", message: "missing or not a list"))
      ])
    }
    let entries = history.map(Self.numbers)
    var outcome = PolledLogOutcome()
    let extends =
      entries.count >= taken.count
      && zip(entries, taken).allSatisfy { Self.same($0, $1) }
    if !extends {
      outcome.restarted = true
      taken = []
      assembler = MetricRowAssembler()
      reportedConfiguration = false
    }
    if !reportedConfiguration {
      reportedConfiguration = true
      let pairs = Self.configuration(of: state)
      if !pairs.isEmpty { outcome.items.append(.configuration(pairs)) }
    }
    for entry in entries.dropFirst(taken.count) {
      // The final whole-run summary (`train_runtime`, `train_loss`, …) is not an epoch.
      if entry["train_runtime"] != nil || entry["train_loss"] != nil && entry["loss"] == nil {
        continue
      }
      let step = entry["step"].flatMap { Int(exactly: $0.rounded(.towardZero)) }
      assembler.take(step: step, values: entry, into: &outcome.items)
    }
    outcome.amountRead = entries.count - taken.count
    if outcome.restarted { outcome.amountRead = entries.count }
    taken = entries
    return outcome
  }

  /// The numeric members of one `log_history` entry.
  private static func numbers(_ entry: JSONValue) -> [String: Double] {
    guard case .object(let members) = entry else { return [:] }
    var values: [String: Double] = [:]
    for (key, value) in members {
      if case .number(let number) = value { values[key] = number }
    }
    return values
  }

  private static func same(_ a: [String: Double], _ b: [String: Double]) -> Bool {
    a.count == b.count
      && a.allSatisfy { key, value in
        guard let other = b[key] else { return false }
        return other == value || (other.isNaN && value.isNaN)
      }
  }

  private static func configuration(of state: JSONValue) -> [RunDescription.KeyValue] {
    let keys = [
      "train_batch_size", "num_train_epochs", "max_steps", "logging_steps", "eval_steps",
      "save_steps", "best_metric", "best_model_checkpoint",
    ]
    return keys.compactMap { key in
      switch state[key] {
      case .number(let value)?: RunDescription.KeyValue(key, JSONText.number(value))
      case .string(let text)?: RunDescription.KeyValue(key, text)
      default: nil
      }
    }
  }

  private static func globalStep(_ path: String) -> Double? {
    guard let data = FileManager.default.contents(atPath: path),
      let state = try? JSONValue.parse(String(decoding: data, as: UTF8.self))
    else { return nil }
    return state["global_step"]?.doubleValue
  }
}
