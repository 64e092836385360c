import Foundation

/// Reads JSON lines: one object per epoch or per step, as Python scripts write them
/// (`json.dumps` per line, with bare `NaN`/`Infinity`/`-Infinity` for non-finite floats).
///
/// How a line is read:
/// - `"type"` decides when present: `header` (its `config` object becomes configuration),
///   `epoch`, `batch`/`step`, `event` (kept in `events`).
/// - otherwise a `step` (or `global_step`) key makes it a step record, an `epoch` key an epoch
///   record, and an object with neither is the next epoch, counted from 1.
/// - numbers become metrics under `MetricNameMapping` names; a nested object is flattened with `/`
///   (`{"train": {"loss": 1}}` → `train/loss` → `loss`), except `metrics`, whose members are taken
///   as they are. Numeric strings (`"NaN"`) count as numbers; other strings and booleans are ignored.
/// A line that is not valid JSON becomes a `LogIssue` with its line and column; parsing goes on.
package struct JSONLinesParser: IncrementalLogParser {
  package let format: LogFormat
  /// The file name used in issues.
  package let path: String
  /// Events (`{"type":"event"}` lines) read so far, oldest first.
  package private(set) var events: [RunEvent] = []
  /// Class names from a header's `classes` array.
  package private(set) var classNames: [String]?
  /// The header's `started` time text.
  package private(set) var started: String?
  /// Whether dltop's batch lines are skipped unparsed (a replay for diagnosis needs epochs only).
  package var skipsBatchLines = false
  private var lines = LineBuffer()
  private var implicitEpochs = 0
  /// The newest step line's step: an epoch line after it ended there (`.epochEnd`).
  private var lastStep: Int?
  private var objectsRead = 0

  /// - Parameter format: `.jsonLines`, or `.dltopRunLog` when reading dltop's own run log (then the
  ///   header must come first and carry a version dltop understands).
  package init(path: String, format: LogFormat = .jsonLines) {
    self.path = path
    self.format = format
  }

  package mutating func feed(_ bytes: ArraySlice<UInt8>) -> [LogItem] {
    lines.feed(bytes, skippingLinesStartingWith: skipsBatchLines ? Self.batchLinePrefix : [])
      .flatMap { parse(line: $0.text, number: $0.number) }
  }

  package mutating func finish() -> [LogItem] {
    guard let last = lines.finish() else { return [] }
    return parse(line: last.text, number: last.number)
  }

  /// How dltop's run log starts a batch line (its writer's key order).
  private static let batchLinePrefix = Array(#"{"type":"batch""#.utf8)

  private static let reservedKeys: Set<String> = [
    "type", "epoch", "step", "global_step", "seconds", "epoch_time", "timestamp", "wall_time",
    "time",
  ]

  private mutating func parse(line: String, number: Int) -> [LogItem] {
    if skipsBatchLines, line.hasPrefix(#"{"type":"batch""#) { return [] }
    if line.allSatisfy({ $0 == " " || $0 == "\t" }) { return [] }
    let value: JSONValue
    do {
      value = try JSONValue.parse(line)
    } catch {
      return [
        .issue(
          LogIssue(path: path, line: number, message: "column \(error.column): \(error.message)"))
      ]
    }
    guard case .object = value else {
      return [
        .issue(LogIssue(path: path, line: number, message: "expected a JSON object on each line"))
      ]
    }
    objectsRead += 1
    let type = value["type"]?.stringValue
    if format == .dltopRunLog && objectsRead == 1 && type != "header" {
      return [
        .issue(
          LogIssue(
            path: path, line: number, field: "type", message: "the first line must be the header"))
      ]
    }
    switch type {
    case "header": return header(value, line: number)
    case "event":
      return [.run(.event(event(value)))]
    case "confusion" where format == .dltopRunLog: return confusion(value, line: number)
    case "test" where format == .dltopRunLog: return test(value, line: number)
    case "end" where format == .dltopRunLog: return [.run(.end(Self.status(of: value)))]
    case "batch", "step": return step(value, line: number)
    case "epoch": return epoch(value, line: number)
    case .some(let other) where format == .dltopRunLog:
      return [
        .issue(
          LogIssue(
            path: path, line: number, field: "type", message: "unknown record type '\(other)'"))
      ]
    default:
      if value["step"] != nil || value["global_step"] != nil { return step(value, line: number) }
      return epoch(value, line: number)
    }
  }

  private mutating func header(_ value: JSONValue, line: Int) -> [LogItem] {
    if format == .dltopRunLog, let version = value["version"]?.intValue,
      version != RunLogFormat.version
    {
      return [
        .issue(
          LogIssue(
            path: path, line: line, field: "version",
            message:
              "run log version \(version) is not supported (this dltop reads version \(RunLogFormat.version))"
          ))
      ]
    }
    started = value["started"]?.stringValue
    var items: [LogItem] = []
    if case .array(let names) = value["classes"] {
      classNames = names.map(\.displayText)
      items.append(.run(.classNames(names.map(\.displayText))))
    }
    guard case .object(let members) = value["config"] else { return items }
    return [.configuration(members.map { RunDescription.KeyValue($0.key, $0.value.displayText) })]
      + items
  }

  private mutating func event(_ value: JSONValue) -> RunEvent {
    let kind = value["kind"]?.stringValue.flatMap(RunEvent.Kind.init(rawValue:)) ?? .info
    let event = RunEvent(
      elapsedSeconds: value["elapsed"]?.doubleValue ?? 0, epoch: value["epoch"]?.intValue,
      kind: kind,
      text: value["text"]?.stringValue ?? "")
    events.append(event)
    return event
  }

  private func confusion(_ value: JSONValue, line: Int) -> [LogItem] {
    guard let epoch = value["epoch"]?.intValue, let counts = Self.matrix(value["counts"]) else {
      return [
        .issue(
          LogIssue(
            path: path, line: line, field: "counts",
            message: "expected an epoch and a square matrix of counts"))
      ]
    }
    return [.run(.confusion(ConfusionRecord(epoch: epoch, counts: counts)))]
  }

  private func test(_ value: JSONValue, line: Int) -> [LogItem] {
    guard let loss = value["loss"]?.doubleValue else {
      return [.issue(LogIssue(path: path, line: line, field: "loss", message: "expected a number"))]
    }
    var summary = TestSummary(
      loss: loss, accuracy: value["accuracy"]?.doubleValue,
      confusion: Self.matrix(value["confusion"]))
    summary.positiveClass = value["positive_class"]?.intValue
    summary.sampleCount = value["samples"]?.intValue
    if let mse = value["mse"]?.doubleValue, let mae = value["mae"]?.doubleValue,
      let r2 = value["r2"]?.doubleValue
    {
      summary.regression = TestSummary.Regression(
        meanSquaredError: mse, meanAbsoluteError: mae, rSquared: r2)
    }
    return [.run(.test(summary))]
  }

  /// A square matrix of integers, or nil.
  private static func matrix(_ value: JSONValue?) -> [[Int]]? {
    guard case .array(let rows) = value else { return nil }
    var out: [[Int]] = []
    for row in rows {
      guard case .array(let cells) = row else { return nil }
      let numbers = cells.compactMap(\.intValue)
      guard numbers.count == cells.count, cells.count == rows.count else { return nil }
      out.append(numbers)
    }
    return out
  }

  /// The `end` record's status: `{"type":"end","status":"finished","reason":"…","epoch":N}`.
  private static func status(of value: JSONValue) -> RunStatus {
    let reason = value["reason"]?.stringValue ?? ""
    switch value["status"]?.stringValue {
    case "stopped": return .stopped(reason: reason)
    case "diverged": return .diverged(epoch: value["epoch"]?.intValue ?? 0)
    case "failed": return .failed(message: reason)
    default: return .finished(reason: reason)
    }
  }

  private mutating func step(_ value: JSONValue, line: Int) -> [LogItem] {
    guard let step = (value["step"] ?? value["global_step"])?.intValue else {
      return [
        .issue(LogIssue(path: path, line: line, field: "step", message: "expected an integer step"))
      ]
    }
    lastStep = max(lastStep ?? step, step)
    return [.step(step: step, epoch: value["epoch"]?.intValue, metrics: Self.metrics(of: value))]
  }

  private mutating func epoch(_ value: JSONValue, line: Int) -> [LogItem] {
    let number: Int
    if let given = value["epoch"] {
      guard let epoch = given.intValue else {
        return [
          .issue(
            LogIssue(
              path: path, line: line, field: "epoch",
              message: "expected an integer epoch, found \(given.displayText)"))
        ]
      }
      number = epoch
    } else {
      implicitEpochs += 1
      number = implicitEpochs
    }
    let seconds = (value["seconds"] ?? value["epoch_time"])?.doubleValue
    let record = EpochRecord(epoch: number, metrics: Self.metrics(of: value), seconds: seconds)
    guard let lastStep else { return [.epoch(record)] }
    // dltop's run log counts steps from 0 and its epochs end after `lastStep` batches, as the
    // live dashboard places them; other logs end an epoch at their last step.
    let end = format == .dltopRunLog ? lastStep + 1 : lastStep
    return [.epochEnd(EpochEnd(epoch: number, step: end, wallTime: nil)), .epoch(record)]
  }

  /// The numeric members of a record under canonical names.
  static func metrics(of value: JSONValue) -> [String: Double] {
    var out: [String: Double] = [:]
    guard case .object(let members) = value else { return out }
    for member in members where !reservedKeys.contains(member.key) {
      if member.key == "metrics" {
        collect(member.value, prefix: nil, into: &out)
      } else {
        collect(member.value, prefix: member.key, into: &out)
      }
    }
    return out
  }

  private static func collect(_ value: JSONValue, prefix: String?, into out: inout [String: Double])
  {
    switch value {
    case .object(let members):
      for member in members {
        collect(
          member.value, prefix: prefix.map { "\($0)/\(member.key)" } ?? member.key, into: &out)
      }
    case .number, .string:
      guard let prefix, let number = value.doubleValue else { return }
      out[MetricNameMapping.canonicalName(prefix)] = number
    default:
      return
    }
  }
}
