/// A whole log read into memory: what `dltop diagnose` and snapshot export work from.
package struct ParsedLog: Sendable, Equatable {
  /// One per-step (per-batch) record.
  package struct Step: Sendable, Equatable {
    package var step: Int
    package var epoch: Int?
    package var metrics: [String: Double]
    package var stamp: StepStamp
    package init(step: Int, epoch: Int?, metrics: [String: Double], stamp: StepStamp = StepStamp())
    {
      self.step = step
      self.epoch = epoch
      self.metrics = metrics
      self.stamp = stamp
    }
  }

  /// The file that was read.
  package var path: String
  package var format: LogFormat
  /// Finished epochs in file order, numbered as the source numbers them.
  package var epochs: [EpochRecord] = []
  package var steps: [Step] = []
  /// Where epochs ended, as the source says, in file order.
  package var epochEnds: [EpochEnd] = []
  /// Rows or records that were skipped, with their location.
  package var issues: [LogIssue] = []
  package var configuration: [RunDescription.KeyValue] = []
  /// Events of a dltop run log.
  package var events: [RunEvent] = []
  /// Validation confusion matrices of a dltop run log, oldest first.
  package var confusions: [ConfusionRecord] = []
  /// The test result of a dltop run log.
  package var test: TestSummary?
  /// How a dltop run ended, when its log says.
  package var end: RunStatus?
  /// Class names from a dltop run log header.
  package var classNames: [String]?

  package init(path: String, format: LogFormat) {
    self.path = path
    self.format = format
  }

  /// Adds what a parser returned.
  package mutating func append(_ items: [LogItem]) {
    for item in items {
      switch item {
      case .epoch(let record): epochs.append(record)
      case .step(let step, let epoch, let metrics, let stamp):
        steps.append(Step(step: step, epoch: epoch, metrics: metrics, stamp: stamp))
      case .stepValues(let values):
        for point in values.points {
          steps.append(
            Step(
              step: point.step, epoch: nil, metrics: [values.names[Int(point.metric)]: point.value],
              stamp: StepStamp(wallTime: point.wallTime)))
        }
      case .epochEnd(let end):
        // Sources repeat an open epoch's end as it moves on: the newest one counts.
        if epochEnds.last?.epoch == end.epoch {
          epochEnds[epochEnds.count - 1] = end
        } else {
          epochEnds.append(end)
        }
      case .configuration(let pairs): configuration.append(contentsOf: pairs)
      case .issue(let issue): issues.append(issue)
      case .run(.classNames(let names)): classNames = names
      case .run(.event(let event)): events.append(event)
      case .run(.confusion(let confusion)): confusions.append(confusion)
      case .run(.test(let summary)): test = summary
      case .run(.end(let status)): end = status
      }
    }
  }
}
