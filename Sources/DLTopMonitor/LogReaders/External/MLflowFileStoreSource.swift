import Foundation

/// Reads one run of MLflow's file store: `mlruns/<experiment>/<run>/`.
///
/// Each metric is a file `metrics/<key>` (a key with `/` is a nested path) of lines
/// `timestamp value step`, appended by `log_metric`; `nan`, `inf` and `-inf` are written as Python
/// spells them. Each file is read from where the last poll stopped (only new bytes), and the new
/// values are grouped by step into rows for a `MetricRowAssembler`, so MLflow's `step` is the
/// epoch unless the run logs an `epoch` metric (Lightning's and Hugging Face's loggers do).
/// `params/<key>` files become the configuration. A metric file that shrank means the run was
/// rewritten: everything is read again.
package struct MLflowFileStoreSource: PolledLogSource {
  package let format = LogFormat.mlflowFileStore
  package let runFolder: String

  private struct MetricFile {
    var offset: UInt64 = 0
    var lines = LineBuffer()
  }

  private var files: [String: MetricFile] = [:]
  private var assembler = MetricRowAssembler()
  private var reportedParameters = false

  package init(runFolder: String) {
    self.runFolder = runFolder
  }

  package mutating func poll() -> PolledLogOutcome {
    var outcome = PolledLogOutcome()
    let metricsFolder = runFolder + "/metrics"
    let keys = Self.metricKeys(in: metricsFolder, prefix: "")
    var values: [(step: Int, key: String, value: Double, time: Double)] = []
    for key in keys {
      let path = metricsFolder + "/" + key
      var state = files[key] ?? MetricFile()
      let size = Self.size(of: path)
      if size < state.offset {
        return restart()
      }
      guard size > state.offset, let bytes = Self.read(path, from: state.offset) else { continue }
      state.offset += UInt64(bytes.count)
      outcome.amountRead += bytes.count
      for line in state.lines.feed(bytes[...]) {
        let fields = line.text.split(separator: " ")
        guard fields.count >= 2,
          let time = Double(fields[0]),
          let value = JSONNumberText.parse(String(fields[1]))
        else {
          if !line.text.isEmpty {
            outcome.items.append(
              .issue(
                LogIssue(
                  path: path, line: line.number, field: key,
                  message: "expected 'timestamp value step', found '\(line.text)'")))
          }
          continue
        }
        let step = fields.count > 2 ? Int(fields[2]) ?? 0 : 0
        values.append((step, key, value, time / 1000))
      }
      files[key] = state
    }
    if !reportedParameters {
      let pairs = Self.parameters(in: runFolder + "/params", prefix: "")
      if !pairs.isEmpty {
        reportedParameters = true
        outcome.items.append(.configuration(pairs.sorted { $0.key < $1.key }))
      }
    }
    let byStep = Dictionary(grouping: values, by: \.step)
    for step in byStep.keys.sorted() {
      let row = byStep[step] ?? []
      var metrics: [String: Double] = [:]
      for entry in row { metrics[entry.key] = entry.value }
      let time = row.map(\.time).max()
      assembler.take(step: step, values: metrics, time: time, into: &outcome.items)
    }
    return outcome
  }

  package mutating func finish() -> [LogItem] {
    var items: [LogItem] = []
    assembler.finish(into: &items)
    return items
  }

  package var pendingEpochs: [EpochRecord] { assembler.pendingEpochs }

  private mutating func restart() -> PolledLogOutcome {
    files = [:]
    assembler = MetricRowAssembler()
    reportedParameters = false
    var outcome = poll()
    outcome.restarted = true
    return outcome
  }

  /// Metric keys under `folder` (nested folders give `a/b` keys), sorted.
  private static func metricKeys(in folder: String, prefix: String) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    var keys: [String] = []
    for name in names.sorted() where !name.hasPrefix(".") {
      var isDirectory: ObjCBool = false
      let path = folder + "/" + name
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        continue
      }
      if isDirectory.boolValue {
        keys += metricKeys(in: path, prefix: prefix + name + "/")
      } else {
        keys.append(prefix + name)
      }
    }
    return keys
  }

  private static func parameters(in folder: String, prefix: String) -> [RunDescription.KeyValue] {
    metricKeys(in: folder, prefix: prefix).compactMap { key in
      guard let data = FileManager.default.contents(atPath: folder + "/" + key) else { return nil }
      let value = String(decoding: data, as: UTF8.self).trimmingCharacters(
        in: .whitespacesAndNewlines)
      return RunDescription.KeyValue(key, value)
    }
  }

  private static func size(of path: String) -> UInt64 {
    let attributes = try? FileManager.default.attributesOfItem(atPath: path)
    return (attributes?[.size] as? NSNumber)?.uint64Value ?? 0
  }

  private static func read(_ path: String, from offset: UInt64) -> [UInt8]? {
    guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
    defer { try? handle.close() }
    guard (try? handle.seek(toOffset: offset)) != nil, let data = try? handle.readToEnd() else {
      return nil
    }
    return [UInt8](data)
  }
}
