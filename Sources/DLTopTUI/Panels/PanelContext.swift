import DLTopMonitor

/// What every panel gets: the snapshot, the view state and the theme.
package struct PanelContext: Sendable {
  package var snapshot: TrainingSnapshot
  package var state: DashboardState
  package var theme: Theme
  /// Whether this panel fills the screen (zoomed): it may show more detail and honours scrolling.
  package var zoomed: Bool

  package init(snapshot: TrainingSnapshot, state: DashboardState, theme: Theme, zoomed: Bool) {
    self.snapshot = snapshot
    self.state = state
    self.theme = theme
    self.zoomed = zoomed
  }

  /// Batches per epoch, for placing per-batch data on the epoch axis.
  package var batchesPerEpoch: Double? {
    snapshot.progress.batchesPerEpoch.flatMap { $0 > 0 ? Double($0) : nil }
  }

  /// The x (epoch) range a zoomed chart shows after scrolling; nil shows everything.
  package func historyRange(lastX: Double) -> ClosedRange<Double>? {
    guard zoomed, state.historySpan != nil || state.historyOffset > 0 else { return nil }
    let firstX = Double(snapshot.epochs.first.map { min($0.epoch, 0) } ?? 0)
    let high = max(firstX + 1, lastX - Double(state.historyOffset))
    let span = Double(state.historySpan ?? Int((high - firstX).rounded(.up)))
    return max(firstX, high - span)...high
  }

  /// Per-epoch points of one metric of the main run, EMA-smoothed when smoothing is on.
  package func points(_ metric: String) -> [ChartPoint] { points(metric, in: snapshot.epochs) }

  /// Per-epoch points of one metric of `epochs` (any run), EMA-smoothed when smoothing is on.
  package func points(_ metric: String, in epochs: [EpochRecord]) -> [ChartPoint] {
    var points: [ChartPoint] = []
    for record in epochs {
      if let value = record[metric] { points.append(ChartPoint(x: Double(record.epoch), y: value)) }
    }
    guard state.smoothing else { return points }
    let smoothed = Smoothing.ema(points.map(\.y))
    return zip(points, smoothed).map { ChartPoint(x: $0.x, y: $1) }
  }

  /// A per-batch series as min/max bands, `columns` buckets wide.
  package func band(_ series: BatchSeries, columns: Int) -> [ChartBand] {
    guard let perEpoch = batchesPerEpoch, columns > 0 else { return [] }
    return series.downsampled(to: columns).map { bucket in
      ChartBand(
        x0: Double(bucket.firstIndex) / perEpoch,
        x1: Double(bucket.firstIndex + bucket.count) / perEpoch,
        low: bucket.min, high: bucket.max)
    }
  }

  /// A per-batch series as its bucket means, `columns` points. With smoothing on, the means of
  /// the series smoothed at full resolution (TensorBoard's EMA on every step, then downsampled).
  package func batchMeans(_ series: BatchSeries, columns: Int) -> [ChartPoint] {
    guard let perEpoch = batchesPerEpoch, columns > 0 else { return [] }
    let buckets =
      state.smoothing ? series.smoothedDownsampled(to: columns) : series.downsampled(to: columns)
    return buckets.map { bucket in
      ChartPoint(
        x: (Double(bucket.firstIndex) + Double(bucket.count) / 2) / perEpoch, y: bucket.mean)
    }
  }

  /// The newest x with data: the partial epoch in progress, or the last finished epoch.
  package var lastX: Double {
    let lastEpoch = Double(snapshot.epochs.last?.epoch ?? 0)
    guard let perEpoch = batchesPerEpoch else { return lastEpoch }
    return max(lastEpoch, Double(snapshot.batchLoss.count) / perEpoch)
  }
}
