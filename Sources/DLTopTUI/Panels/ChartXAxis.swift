import DLTopMonitor

/// What the charts' x axis counts (key `x` cycles it): epochs, global steps, or wall time since
/// the run's first record (TensorBoard's STEP and RELATIVE).
package enum ChartXAxis: String, Sendable, CaseIterable {
  case epoch
  case step
  case time

  /// The axis after this one, wrapping around.
  package var next: ChartXAxis {
    let all = Self.allCases
    return all[(all.firstIndex(of: self)! + 1) % all.count]
  }

  /// How the axis is named in messages and under the charts.
  package var title: String {
    switch self {
    case .epoch: "epoch"
    case .step: "step"
    case .time: "wall time"
    }
  }
}

/// Places a run's values on the chosen x axis.
///
/// Epoch values sit at their epoch, at the step where the epoch ended, or at its wall time
/// (`EpochEnd`). Per-step buckets sit at their own steps and wall times; on the epoch axis at
/// their fractional epoch when the source logs one (Hugging Face), else at their step
/// interpolated between the steps where epochs ended, and for a run dltop trains at their index
/// over the batches per epoch. Wall time counts from the run's first record. A value that cannot be
/// placed on the axis (a wall time the source never recorded) gives nil and is not drawn.
package struct ChartXMapping: Sendable {
  package let axis: ChartXAxis
  /// Batches per epoch of a run dltop trains, which fixes its per-step x on the epoch axis.
  package let batchesPerEpoch: Double?
  /// The time axis's zero: the first wall time of the run's records.
  package let timeOrigin: Double?
  private let ends: [Int: EpochEnd]
  /// (step, epoch) where epochs ended, increasing in both, from (0, first epoch − 1).
  private let anchors: [(step: Double, epoch: Double)]

  package init(
    axis: ChartXAxis, batchesPerEpoch: Double? = nil, epochEnds: [EpochEnd],
    series: [BatchSeries] = []
  ) {
    self.axis = axis
    self.batchesPerEpoch = batchesPerEpoch
    ends = Dictionary(epochEnds.map { ($0.epoch, $0) }) { _, new in new }
    var origin: Double?
    for item in series {
      if let time = item.buckets.first?.firstTime, time.isFinite {
        origin = min(origin ?? time, time)
      }
    }
    for end in epochEnds {
      if let time = end.wallTime, time.isFinite { origin = min(origin ?? time, time) }
    }
    timeOrigin = origin
    var anchors: [(step: Double, epoch: Double)] = []
    for end in epochEnds.sorted(by: { $0.epoch < $1.epoch }) {
      guard let step = end.step else { continue }
      if anchors.isEmpty, step > 0 { anchors.append((0, Double(end.epoch - 1))) }
      guard anchors.last.map({ Double(step) > $0.step }) ?? true else { continue }
      anchors.append((Double(step), Double(end.epoch)))
    }
    self.anchors = anchors
  }

  /// The mapping for `snapshot`'s main run.
  package init(axis: ChartXAxis, snapshot: TrainingSnapshot) {
    self.init(
      axis: axis,
      batchesPerEpoch: snapshot.progress.batchesPerEpoch.flatMap { $0 > 0 ? Double($0) : nil },
      epochEnds: snapshot.epochEnds,
      series: [snapshot.batchLoss, snapshot.batchAccuracy, snapshot.batchLearningRate])
  }

  /// Whether any record of `snapshot` carries a wall time.
  package static func hasWallTimes(_ snapshot: TrainingSnapshot) -> Bool {
    ChartXMapping(axis: .time, snapshot: snapshot).timeOrigin != nil
  }

  /// The x of an epoch's values.
  package func x(epoch: Int) -> Double? {
    switch axis {
    case .epoch:
      return Double(epoch)
    case .step:
      if let step = ends[epoch]?.step { return Double(step) }
      return batchesPerEpoch.map { Double(epoch) * $0 }
    case .time:
      guard let time = ends[epoch]?.wallTime, let timeOrigin else { return nil }
      return time - timeOrigin
    }
  }

  /// The x of a global step (planned learning rates, learning-rate changes); nil on the time axis.
  package func x(step: Int) -> Double? {
    switch axis {
    case .epoch: batchesPerEpoch.map { Double(step) / $0 } ?? epoch(atStep: Double(step))
    case .step: Double(step)
    case .time: nil
    }
  }

  /// Where a per-step bucket starts and ends on the axis.
  package func span(of bucket: BatchSeries.Bucket) -> (x0: Double, x1: Double)? {
    switch axis {
    case .epoch:
      if let perEpoch = batchesPerEpoch {
        return (
          Double(bucket.firstIndex) / perEpoch, Double(bucket.firstIndex + bucket.count) / perEpoch
        )
      }
      if bucket.firstEpoch.isFinite, bucket.lastEpoch.isFinite {
        return (bucket.firstEpoch, bucket.lastEpoch)
      }
      guard let x0 = epoch(atStep: Double(bucket.firstStep)),
        let x1 = epoch(atStep: Double(bucket.lastStep))
      else { return nil }
      return (x0, x1)
    case .step:
      return (Double(bucket.firstStep), Double(bucket.lastStep))
    case .time:
      guard let timeOrigin, bucket.firstTime.isFinite, bucket.lastTime.isFinite else { return nil }
      return (bucket.firstTime - timeOrigin, bucket.lastTime - timeOrigin)
    }
  }

  /// The epoch at `step`, interpolated between the steps where epochs ended and extrapolated past
  /// the last one at the last epoch's pace; nil before any epoch ended at a known step.
  package func epoch(atStep step: Double) -> Double? {
    guard anchors.count >= 2 else { return nil }
    // The first anchor at or past `step` (binary search), kept within 1…count − 1.
    var low = 1
    var high = anchors.count - 1
    while low < high {
      let middle = (low + high) / 2
      if anchors[middle].step >= step { high = middle } else { low = middle + 1 }
    }
    let upper = low
    let (a, b) = (anchors[upper - 1], anchors[upper])
    return a.epoch + (step - a.step) / (b.step - a.step) * (b.epoch - a.epoch)
  }
}
