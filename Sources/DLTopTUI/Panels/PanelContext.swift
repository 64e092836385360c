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

  /// Where the main run's values go on the chosen x axis.
  package var xMapping: ChartXMapping { ChartXMapping(axis: state.xAxis, snapshot: snapshot) }

  /// The x (epoch) range a zoomed chart shows after scrolling; nil shows everything. Scrolling
  /// counts epochs, so it applies on the epoch axis only.
  package func historyRange(lastX: Double) -> ClosedRange<Double>? {
    guard zoomed, state.xAxis == .epoch, state.historySpan != nil || state.historyOffset > 0
    else { return nil }
    let firstX = Double(snapshot.epochs.first.map { min($0.epoch, 0) } ?? 0)
    let high = max(firstX + 1, lastX - Double(state.historyOffset))
    let span = Double(state.historySpan ?? Int((high - firstX).rounded(.up)))
    return max(firstX, high - span)...high
  }

  /// Per-epoch points of one metric of the main run, EMA-smoothed when smoothing is on.
  package func points(_ metric: String) -> [ChartPoint] {
    points(metric, in: snapshot.epochs, mapping: xMapping)
  }

  /// Per-epoch points of one metric of another run, placed by its own epoch ends.
  package func points(_ metric: String, in epochs: [EpochRecord], epochEnds: [EpochEnd])
    -> [ChartPoint]
  {
    points(metric, in: epochs, mapping: ChartXMapping(axis: state.xAxis, epochEnds: epochEnds))
  }

  /// Per-epoch points of one metric of `epochs`, EMA-smoothed when smoothing is on; epochs the
  /// axis cannot place are left out.
  package func points(_ metric: String, in epochs: [EpochRecord], mapping: ChartXMapping)
    -> [ChartPoint]
  {
    var points: [ChartPoint] = []
    for record in epochs {
      if let value = record[metric], let x = mapping.x(epoch: record.epoch) {
        points.append(ChartPoint(x: x, y: value))
      }
    }
    guard state.smoothing else { return points }
    let smoothed = Smoothing.ema(points.map(\.y), weight: state.smoothingWeight ?? 0.6)
    return zip(points, smoothed).map { ChartPoint(x: $0.x, y: $1) }
  }

  /// A per-batch series as min/max bands, `columns` buckets wide.
  package func band(_ series: BatchSeries, columns: Int) -> [ChartBand] {
    guard columns > 0 else { return [] }
    let mapping = xMapping
    return series.downsampled(to: columns).compactMap { bucket in
      mapping.span(of: bucket).map {
        ChartBand(x0: $0.x0, x1: $0.x1, low: bucket.min, high: bucket.max)
      }
    }
  }

  /// A per-batch series as its bucket means, `columns` points. With smoothing on, the means of
  /// the series smoothed at full resolution (TensorBoard's EMA on every step, then downsampled).
  package func batchMeans(_ series: BatchSeries, columns: Int) -> [ChartPoint] {
    guard columns > 0 else { return [] }
    let mapping = xMapping
    let buckets =
      state.smoothing
      ? series.smoothedDownsampled(
        to: columns, weight: state.smoothingWeight ?? BatchSeries.smoothingWeight)
      : series.downsampled(to: columns)
    return buckets.compactMap { bucket in
      mapping.span(of: bucket).map { ChartPoint(x: ($0.x0 + $0.x1) / 2, y: bucket.mean) }
    }
  }

  /// Whether the per-step line is drawn under the epoch lines: when zoomed, on the step and time
  /// axes (where epochs are a few points), and while the run has too few epochs to draw a curve
  /// (a fine-tuning run of 1–3 epochs and thousands of steps).
  package var showsStepLine: Bool {
    zoomed || state.xAxis != .epoch || snapshot.epochs.count < Self.epochsForACurve
  }

  /// Epochs from which the epoch lines alone draw a curve.
  package static let epochsForACurve = 4

  /// The newest x with data: the partial epoch in progress, or the last finished epoch.
  package var lastX: Double {
    let lastEpoch = Double(snapshot.epochs.last?.epoch ?? 0)
    guard let perEpoch = batchesPerEpoch else { return lastEpoch }
    return max(lastEpoch, Double(snapshot.batchLoss.count) / perEpoch)
  }
}
