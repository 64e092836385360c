/// Reads one TensorBoard event file (`events.out.tfevents.*`) incrementally.
///
/// TFRecord framing is undone by `TFRecordReader`, each record is decoded by
/// `TensorBoardEventDecoder`, and scalars are sorted by `TensorBoardTagMapping` into per-step items
/// (emitted at once) and per-epoch metrics. An epoch is emitted when the epoch-level scalars move on to
/// a later step, or at `finish()`; until then it is visible in `pendingEpochs`. Epochs keep the
/// file's numbering (Keras and tensorboardX count from 0). A file is one half of a Keras run (its
/// `train/` or `validation/` folder gives `context`); `WatchSession` merges the halves by epoch.
/// An epoch's `seconds` is the wall time between its scalars and the previous epoch's (writers log
/// epoch scalars at the epoch's end), so the first epoch has none.
/// Per-step values carry their wall time and go out in `.stepValues` batches (one between any two
/// other items), so a value costs no dictionary; each group of epoch scalars is followed by an
/// `.epochEnd`: the epoch's global step (the step of its scalars when an `epoch` counter numbers
/// them, else the last per-step scalar's step before them) and the wall time of its scalars.
///
/// Tags are looked up by their bytes in the record (`RawTagTable`), so a `String` is built only
/// the first time a tag is seen: this loop runs once per point of runs with millions of points.
package struct TensorBoardParser: IncrementalLogParser, PendingEpochsReporting {
  package let format = LogFormat.tensorBoard
  package let path: String
  /// The split this file belongs to, from its folder name (nil when the folder says nothing).
  package let context: MetricNameMapping.Context?

  private var framing: TFRecordReader
  /// A tag's level, and for per-step tags the index of its name in `stepNames` (no `String`, so
  /// reading one per point costs no reference counting).
  private struct Slot {
    var level: TensorBoardTagMapping.Level
    var stepMetric: Int32
  }
  /// Tag bytes → index in `slots` and `slotNames`, so each distinct tag is mapped once.
  private var tags = RawTagTable()
  private var slots: [Slot] = []
  private var slotNames: [String] = []
  /// Names of the per-step metrics, shared by every `StepValues` batch.
  private var stepNames: [String] = []
  /// Per-step values not yet handed out in a `.stepValues` item.
  private var points: [StepValues.Point] = []
  /// Epoch-level scalars of the step being collected.
  private var groupStep: Int?
  private var group: [String: Double] = [:]
  private var groupEpochCounter: Double?
  /// Whether the file logs an `epoch` scalar (Lightning's TensorBoardLogger does).
  private var sawEpochCounter = false
  /// The epoch being filled, not yet emitted.
  private var openEpoch: Int?
  private var openMetrics: [String: Double] = [:]
  /// The latest wall time among the epoch-level scalars of the group and of the open epoch.
  private var groupWallTime: Double?
  private var openWallTime: Double?
  /// When the previous epoch's scalars were written: an epoch lasted from there to its own.
  private var previousEpochWallTime: Double?
  /// The step of the newest per-step scalar, and the global step at which the open epoch ended.
  private var lastPerStepStep: Int?
  /// `lastPerStepStep` when the group's first scalar came: per-step values that follow the group
  /// (the next epoch's batches) do not move its end.
  private var groupLastPerStepStep: Int?
  private var openEndStep: Int?
  /// Every distinct metric name seen, for the unmapped-scalars list.
  package private(set) var metricNames: Set<String> = []

  /// - Parameter checksum: how the TFRecord checksums are computed (the bench's reference uses
  ///   the tables; everything else the fastest way).
  package init(
    path: String, context: MetricNameMapping.Context? = nil, checksum: CRC32C.Method = .fastest
  ) {
    self.path = path
    self.context = context
    framing = TFRecordReader(checksum: checksum)
  }

  /// A parser whose context comes from the file's folder name (`…/train/events…`).
  package init(path: String) {
    let folder = path.split(separator: "/").dropLast().last.map(String.init) ?? ""
    self.init(path: path, context: TensorBoardTagMapping.context(ofFolder: folder))
  }

  package mutating func feed(_ bytes: ArraySlice<UInt8>) -> [LogItem] {
    var items: [LogItem] = []
    var framing = self.framing
    self.framing = TFRecordReader()
    let problems = framing.feed(bytes) { record, offset in
      decode(record, offset: offset, into: &items)
    }
    self.framing = framing
    flushPoints(into: &items)
    for problem in problems {
      items.append(.issue(LogIssue(path: path, offset: problem.offset, message: problem.message)))
    }
    return items
  }

  package mutating func finish() -> [LogItem] {
    var items: [LogItem] = framing.finish().map {
      .issue(LogIssue(path: path, offset: $0.offset, message: $0.message))
    }
    closeGroup(into: &items)
    emitOpenEpoch(into: &items)
    return items
  }

  package var pendingEpochs: [EpochRecord] {
    var copy = self
    var items: [LogItem] = []
    copy.closeGroup(into: &items)
    copy.emitOpenEpoch(into: &items)
    return items.compactMap { if case .epoch(let record) = $0 { record } else { nil } }
  }

  private mutating func decode(
    _ record: UnsafeRawBufferPointer, offset: Int, into items: inout [LogItem]
  ) {
    do {
      try TensorBoardEventDecoder.decodeRaw(record) { scalar in
        take(scalar, into: &items)
      }
    } catch {
      flushPoints(into: &items)
      items.append(
        .issue(LogIssue(path: path, offset: offset, field: "Event", message: error.message)))
    }
  }

  private mutating func take(
    _ scalar: TensorBoardEventDecoder.RawScalar, into items: inout [LogItem]
  ) {
    let index = tags.value(for: scalar.tag) ?? addSlot(for: scalar)
    let slot = slots[index]
    switch slot.level {
    case .ignored:
      return
    case .step:
      points.append(
        StepValues.Point(
          step: scalar.step, value: scalar.value, wallTime: scalar.wallTime,
          metric: slot.stepMetric))
      lastPerStepStep = scalar.step
    case .epoch, .epochCounter:
      flushPoints(into: &items)
      if groupStep != scalar.step {
        closeGroup(into: &items)
        groupStep = scalar.step
        groupLastPerStepStep = lastPerStepStep
        // Without an `epoch` counter the step is the epoch, so a new step ends the open epoch now.
        if !sawEpochCounter, let open = openEpoch, open != scalar.step {
          emitOpenEpoch(into: &items)
        }
      }
      groupWallTime = max(groupWallTime ?? scalar.wallTime, scalar.wallTime)
      if slot.level == .epochCounter {
        sawEpochCounter = true
        groupEpochCounter = scalar.value
      } else {
        group[slotNames[index]] = scalar.value
      }
    }
  }

  /// Maps a tag seen for the first time. - Returns: its index in `slots`.
  private mutating func addSlot(for scalar: TensorBoardEventDecoder.RawScalar) -> Int {
    let tag = String(decoding: scalar.tag, as: UTF8.self)
    var mapped = TensorBoardTagMapping.Mapped(name: tag, level: .ignored)
    if !scalar.isOtherPlugin {
      mapped = TensorBoardTagMapping.map(tag: tag, context: context)
      if mapped.level != .epochCounter { metricNames.insert(mapped.name) }
    }
    var slot = Slot(level: mapped.level, stepMetric: -1)
    if mapped.level == .step {
      if let known = stepNames.firstIndex(of: mapped.name) {
        slot.stepMetric = Int32(known)
      } else {
        slot.stepMetric = Int32(stepNames.count)
        stepNames.append(mapped.name)
      }
    }
    slots.append(slot)
    slotNames.append(mapped.name)
    tags.insert(slots.count - 1, for: scalar.tag)
    return slots.count - 1
  }

  /// Hands out the per-step values collected so far as one `.stepValues` item.
  private mutating func flushPoints(into items: inout [LogItem]) {
    guard !points.isEmpty else { return }
    items.append(.stepValues(StepValues(names: stepNames, points: points)))
    points = []
  }

  /// Files the collected step's scalars under their epoch, emitting the previous epoch if it changed.
  private mutating func closeGroup(into items: inout [LogItem]) {
    guard let step = groupStep else { return }
    defer {
      groupStep = nil
      group.removeAll(keepingCapacity: true)
      groupEpochCounter = nil
      groupWallTime = nil
    }
    guard !group.isEmpty else { return }
    let epoch = groupEpochCounter.flatMap { Int(exactly: $0.rounded(.towardZero)) } ?? step
    if let open = openEpoch, open != epoch { emitOpenEpoch(into: &items) }
    if let end = groupEpochCounter != nil ? step : groupLastPerStepStep {
      openEndStep = max(openEndStep ?? end, end)
    }
    openEpoch = epoch
    openMetrics.merge(group) { _, new in new }
    if let groupWallTime { openWallTime = max(openWallTime ?? groupWallTime, groupWallTime) }
    items.append(.epochEnd(EpochEnd(epoch: epoch, step: openEndStep, wallTime: openWallTime)))
  }

  private mutating func emitOpenEpoch(into items: inout [LogItem]) {
    if let record = takeOpenEpoch() { items.append(.epoch(record)) }
  }

  private mutating func takeOpenEpoch() -> EpochRecord? {
    guard let epoch = openEpoch, !openMetrics.isEmpty else { return nil }
    defer {
      openEpoch = nil
      openMetrics = [:]
      previousEpochWallTime = openWallTime ?? previousEpochWallTime
      openWallTime = nil
      openEndStep = nil
    }
    var seconds: Double?
    if let previousEpochWallTime, let openWallTime, openWallTime >= previousEpochWallTime {
      seconds = openWallTime - previousEpochWallTime
    }
    return EpochRecord(epoch: epoch, metrics: openMetrics, seconds: seconds)
  }
}
