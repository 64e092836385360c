/// A run's epochs in bounded memory, for diagnosis and drawing: a multi-resolution history.
///
/// The newest `capacity/2` epochs are kept at full resolution. Older epochs are kept at a uniform
/// stride that doubles whenever they fill the other half (every other one is dropped), so the
/// whole run stays covered evenly however long it gets. The first epoch and the best one (by the
/// caller's measure) always stay. Diagnosis and the snapshot therefore read at most about
/// `capacity` records per epoch, whatever the number of epochs recorded.
package struct EpochHistory: Sendable, Equatable {
  package let capacity: Int
  /// The kept records, oldest first.
  package private(set) var records: [EpochRecord] = []
  /// How many epochs were recorded in all (kept or thinned away).
  package private(set) var recordedCount = 0
  /// Older epochs at `stride`, oldest first.
  private var older: [EpochRecord] = []
  /// The newest epochs, oldest first.
  private var recent: [EpochRecord] = []
  /// Keep one older epoch in `stride` (a power of two).
  private var stride = 1
  /// How many epochs have left the recent window.
  private var aged = 0
  /// The epoch kept whatever the thinning.
  private var pinned: EpochRecord?

  package init(capacity: Int = 1024) {
    precondition(capacity >= 8 && capacity % 2 == 0, "EpochHistory capacity must be even and ≥ 8")
    self.capacity = capacity
  }

  /// Appends `record`.
  /// - Parameter keep: an epoch that thinning must not drop (the best epoch so far).
  /// - Complexity: O(`capacity`) for rebuilding `records`, whatever `recordedCount` is.
  package mutating func append(_ record: EpochRecord, keeping keep: Int? = nil) {
    recordedCount += 1
    recent.append(record)
    if recent.count > capacity / 2 {
      let leaving = recent.removeFirst()
      if aged % stride == 0 { older.append(leaving) }
      if leaving.epoch == keep { pinned = leaving }
      aged += 1
      if older.count >= capacity / 2 {
        older = older.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
        stride *= 2
      }
    }
    if let keep, pinned?.epoch != keep,
      let kept = recent.first(where: { $0.epoch == keep })
        ?? older.first(where: { $0.epoch == keep })
    {
      pinned = kept
    }
    rebuild()
  }

  private mutating func rebuild() {
    guard let pinned, !older.contains(where: { $0.epoch == pinned.epoch }),
      !recent.contains(where: { $0.epoch == pinned.epoch })
    else {
      records = older + recent
      return
    }
    var merged = older
    let index = merged.firstIndex { $0.epoch > pinned.epoch } ?? merged.endIndex
    merged.insert(pinned, at: index)
    records = merged + recent
  }

  package var last: EpochRecord? { recent.last }
}
