/// Per-step values of one metric each, in file order: what a TensorBoard file holds (one scalar
/// per record), handed over without a dictionary per value.
///
/// A `.stepValues` item means exactly what one `.step(step:epoch: nil, metrics: [name: value],
/// stamp: StepStamp(wallTime:))` per point would mean; `expandedSteps` gives that form. A parser
/// fills one batch between its other items, so the order of steps, epochs and epoch ends is kept.
/// Points name their metric by an index into `names`, which the parser shares between batches.
package struct StepValues: Sendable, Equatable {
  /// One value of one metric at one step.
  package struct Point: Sendable, Equatable {
    package var step: Int
    package var value: Double
    /// Seconds since 1970 on the writer's clock.
    package var wallTime: Double
    /// Index of the metric's name in `names`.
    package var metric: Int32

    package init(step: Int, value: Double, wallTime: Double, metric: Int32) {
      self.step = step
      self.value = value
      self.wallTime = wallTime
      self.metric = metric
    }
  }

  /// Metric names, indexed by `Point.metric` (it may hold names no point of this batch uses).
  package var names: [String]
  package var points: [Point]

  package init(names: [String] = [], points: [Point] = []) {
    self.names = names
    self.points = points
  }

  /// The same values as one `.step` item per point, each with a one-metric dictionary.
  package var expandedSteps: [LogItem] {
    points.map { point in
      .step(
        step: point.step, epoch: nil, metrics: [names[Int(point.metric)]: point.value],
        stamp: StepStamp(wallTime: point.wallTime))
    }
  }
}

extension Array where Element == LogItem {
  /// The items with every `.stepValues` batch expanded into `.step` items, one per point: the
  /// form that does not depend on how the bytes were split into feeds.
  package var expandingStepValues: [LogItem] {
    flatMap { item -> [LogItem] in
      if case .stepValues(let values) = item { values.expandedSteps } else { [item] }
    }
  }
}
