import Synchronization

/// Every epoch of a run, in order, appended by its recorder and read by snapshot export.
///
/// The snapshot's `epochs` are thinned past a few hundred epochs (the charts need no more, and
/// copying them must not grow with the run), but a snapshot's `metrics.csv` and `train --json`'s
/// history hold every epoch. The recorder appends on its own thread; the dashboard thread exports
/// a snapshot's prefix (`TrainingSnapshot.archivedEpochs`) without copying the array per epoch.
package final class EpochArchive: Sendable {
  private let records = Mutex<[EpochRecord]>([])

  package init() {}

  package func append(_ record: EpochRecord) {
    records.withLock { $0.append(record) }
  }

  /// Every epoch appended so far.
  package var all: [EpochRecord] { records.withLock { $0 } }

  /// The first `count` epochs appended.
  package func prefix(_ count: Int) -> [EpochRecord] {
    records.withLock { Array($0.prefix(count)) }
  }
}

extension EpochArchive: Equatable {
  /// Archives are equal when they are the same archive: a snapshot's value is its prefix count.
  package static func == (lhs: EpochArchive, rhs: EpochArchive) -> Bool { lhs === rhs }
}
