/// Turns rows of named values — one `log` call of W&B or trackio, one step of MLflow metrics, one
/// Hugging Face `log_history` entry — into epoch and step items.
///
/// These loggers have no notion of an epoch beyond a value the user (or the framework) logs under
/// an epoch key (`epoch`, `epoch/epoch`, `train/epoch`). The rules:
/// - a row whose epoch value is a whole number is epoch-level, numbered by that value as the
///   source numbers it (Hugging Face's `epoch: 2.0` is epoch 2);
/// - a row whose epoch value has a fraction (Hugging Face logging every N steps) is a step;
/// - a row without an epoch value is a step once the run has logged an epoch value, and before that
///   its step is its epoch (a script that logs once per epoch without saying so, as Keras's MLflow
///   autologging does);
/// - names marked per step — ending in `_step` or `/step` (Lightning's `on_step` copies), starting
///   with `batch/` or `batch_` (Keras's and W&B users' batch metrics) — always go to a step item, and
///   a row holding only those is no epoch.
/// Rows of the same epoch are merged (Lightning's training and validation rows); an epoch is
/// emitted when a row of another epoch arrives, or at `finish()`, and shows in `pendingEpochs` meanwhile.
/// Names go through `MetricNameMapping.canonicalName`; step counters (`_step`, `trainer/global_step`…)
/// and W&B's bookkeeping keys (`_runtime`, `_timestamp`) are dropped.
/// Step items carry the row's fractional epoch and wall time (`StepStamp`); each epoch-level row
/// is followed by an `.epochEnd` with the highest step and time of its epoch's rows so far (so an
/// epoch still open has one too).
package struct MetricRowAssembler: Sendable, PendingEpochsReporting {
  package static let epochKeys: Set<String> = ["epoch", "epoch/epoch", "train/epoch"]
  package static let droppedKeys: Set<String> = [
    "_step", "step", "global_step", "trainer/global_step", "train/global_step", "_runtime",
    "_timestamp", "_wandb",
  ]

  private var sawEpochKey = false
  private var openEpoch: Int?
  private var openMetrics: [String: Double] = [:]
  private var openTime: Double?
  private var openStep: Int?
  private var previousEpochTime: Double?
  /// Canonical names by raw name, so each distinct name is mapped once.
  private var names: [String: String] = [:]

  package init() {}

  /// Takes one row.
  /// - Parameters:
  ///   - step: the row's step as the logger counts it, when it has one.
  ///   - values: raw names and values of the row (epoch and step keys included).
  ///   - time: the row's wall time in seconds, for the epoch's duration.
  package mutating func take(
    step: Int?, values: [String: Double], time: Double? = nil, into items: inout [LogItem]
  ) {
    var epochValue: Double?
    var epochMetrics: [String: Double] = [:]
    var stepMetrics: [String: Double] = [:]
    for (raw, value) in values {
      if Self.epochKeys.contains(raw) {
        epochValue = value
        continue
      }
      if Self.droppedKeys.contains(raw) { continue }
      let name = canonical(raw)
      if Self.isPerStep(raw) { stepMetrics[name] = value } else { epochMetrics[name] = value }
    }
    if epochValue != nil { sawEpochKey = true }
    let epoch: Int?
    if let epochValue {
      // `Int(exactly:)`: nil for fractions, NaN/∞ and wholes beyond Int (found by fuzzing).
      epoch = Int(exactly: epochValue)
    } else {
      epoch = sawEpochKey ? nil : step
    }
    let stamp = StepStamp(epoch: epochValue.flatMap { $0.isFinite ? $0 : nil }, wallTime: time)
    guard let epoch else {
      stepMetrics.merge(epochMetrics) { step, _ in step }
      if !stepMetrics.isEmpty {
        let within = epochValue.flatMap { Int(exactly: $0.rounded(.down)) }
        items.append(.step(step: step ?? 0, epoch: within, metrics: stepMetrics, stamp: stamp))
      }
      return
    }
    if !stepMetrics.isEmpty {
      items.append(.step(step: step ?? epoch, epoch: epoch, metrics: stepMetrics, stamp: stamp))
    }
    guard !epochMetrics.isEmpty else { return }
    if let open = openEpoch, open != epoch { emitOpenEpoch(into: &items) }
    openEpoch = epoch
    openMetrics.merge(epochMetrics) { _, new in new }
    if let time { openTime = max(openTime ?? time, time) }
    if let step { openStep = max(openStep ?? step, step) }
    if openStep != nil || openTime != nil {
      items.append(.epochEnd(EpochEnd(epoch: epoch, step: openStep, wallTime: openTime)))
    }
  }

  /// The source is complete: emits the open epoch.
  package mutating func finish(into items: inout [LogItem]) {
    emitOpenEpoch(into: &items)
  }

  private mutating func emitOpenEpoch(into items: inout [LogItem]) {
    if let record = takeOpenEpoch() { items.append(.epoch(record)) }
  }

  package var pendingEpochs: [EpochRecord] {
    var copy = self
    return copy.takeOpenEpoch().map { [$0] } ?? []
  }

  /// Whether a name marks a per-step value.
  private static func isPerStep(_ raw: String) -> Bool {
    let lower = raw.lowercased()
    return lower.hasSuffix("_step") || lower.hasSuffix("/step") || lower.hasPrefix("batch/")
      || lower.hasPrefix("batch_")
  }

  private mutating func canonical(_ raw: String) -> String {
    if let known = names[raw] { return known }
    let lower = raw.lowercased()
    var bare = raw
    if lower.hasPrefix("batch/") || lower.hasPrefix("batch_") { bare = String(raw.dropFirst(6)) }
    if lower.hasSuffix("/step") { bare = String(bare.dropLast(5)) }
    let name = MetricNameMapping.canonicalName(bare)
    names[raw] = name
    return name
  }

  private mutating func takeOpenEpoch() -> EpochRecord? {
    guard let epoch = openEpoch, !openMetrics.isEmpty else { return nil }
    defer {
      openEpoch = nil
      openMetrics = [:]
      previousEpochTime = openTime ?? previousEpochTime
      openTime = nil
      openStep = nil
    }
    var seconds: Double?
    if let previousEpochTime, let openTime, openTime >= previousEpochTime {
      seconds = openTime - previousEpochTime
    }
    return EpochRecord(epoch: epoch, metrics: openMetrics, seconds: seconds)
  }
}
