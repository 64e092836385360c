/// Where a run is: epoch, batch and speed, for the status line.
package struct TrainingProgress: Sendable, Equatable {
  /// The epoch in progress, counted from 1 (0 before the first batch).
  package var epoch: Int = 0
  /// The planned number of epochs, when known.
  package var totalEpochs: Int?
  /// Batches finished in the current epoch.
  package var batch: Int = 0
  package var batchesPerEpoch: Int?
  /// Batches finished since the start of the run.
  package var globalStep: Int = 0
  package var samplesPerSecond: Double?
  package var elapsedSeconds: Double = 0
  package var etaSeconds: Double?
  /// Seconds since a followed log last grew, in whole `quietStep`s, once that is at least
  /// `quietAfter` (`dltop watch`: "last update 3 min ago"); nil while it keeps growing, and for a
  /// run dltop trains.
  package var quietSeconds: Double?
  /// When a followed log last changed (seconds since 1970), for the picker's recency order.
  package var lastModification: Double?
  /// A followed log still being read from its start (`dltop watch` on a large file): how far.
  package var loading: LoadingProgress?

  /// A followed run counts as quiet after this many seconds without a new byte.
  package static let quietAfter = 60.0
  /// `quietSeconds` moves in steps of this many seconds (the header shows whole minutes).
  package static let quietStep = 30.0

  /// `quietSeconds` for a log last grown `seconds` ago.
  package static func quietSeconds(after seconds: Double, threshold: Double = quietAfter) -> Double?
  {
    guard seconds.isFinite, seconds >= threshold else { return nil }
    return (seconds / quietStep).rounded(.down) * quietStep
  }

  package init() {}
}

/// How much of a followed run's backlog has been read: `reading run.jsonl 45 MB / 200 MB`.
package struct LoadingProgress: Sendable, Equatable {
  /// The name of the file being read (the first with a backlog).
  package var file: String
  package var bytesRead: Int
  package var totalBytes: Int

  package init(file: String, bytesRead: Int, totalBytes: Int) {
    self.file = file
    self.bytesRead = bytesRead
    self.totalBytes = totalBytes
  }
}
