/// Feeds a log's items to a `RunRecorder` in file order: epochs (with the confusion matrix logged
/// for them), events, the test result and the run's end. `dltop diagnose` streams a log through it,
/// so a replay takes the same path as a live run and gives the same verdict timeline.
///
/// Records of one epoch that arrive on consecutive lines are merged before the epoch is recorded.
/// Logged verdict events are skipped: the recorder derives the verdicts itself, from the same
/// history, so they come out the same.
package struct RunReplay {
  package let recorder: RunRecorder
  private var pending: EpochRecord?
  private var confusions: [Int: ConfusionRecord] = [:]
  package private(set) var classNames: [String]?
  /// The log's configuration lines so far (the diagnoser reads them).
  private var configuration: [RunDescription.KeyValue] = []
  package private(set) var ended: RunStatus?

  package init(recorder: RunRecorder) {
    self.recorder = recorder
  }

  /// Takes the items one parser call returned.
  package mutating func feed(_ items: [LogItem]) {
    for item in items {
      switch item {
      case .epoch(let record):
        if let held = pending, held.epoch == record.epoch {
          pending?.metrics.merge(record.metrics) { _, new in new }
          pending?.seconds = held.seconds ?? record.seconds
        } else {
          flush()
          pending = record
        }
      case .run(let record):
        take(record)
      case .configuration(let pairs):
        configuration += pairs
        recorder.setConfiguration(configuration)
      case .step, .stepValues, .issue, .epochEnd:
        break
      }
    }
  }

  private mutating func take(_ record: RunLogRecord) {
    switch record {
    case .classNames(let names):
      classNames = names
      recorder.setClassCount(names.count)
    case .confusion(let confusion):
      confusions[confusion.epoch] = confusion
    case .event(let event):
      flush()
      guard event.kind != .verdict else { return }
      recorder.note(event.kind, event.text, epoch: event.epoch, elapsed: event.elapsedSeconds)
    case .test(let summary):
      flush()
      recorder.record(test: summary)
    case .end(let status):
      flush()
      ended = status
    }
  }

  /// Records the epoch held back for merging, without ending the run (a resumed run goes on).
  package mutating func settle() { flush() }

  /// Records the epoch held back for merging.
  private mutating func flush() {
    guard let record = pending else { return }
    pending = nil
    recorder.record(epoch: record, confusion: confusions.removeValue(forKey: record.epoch))
  }

  /// The log is complete: records what is held back and ends the run when the log says it ended.
  package mutating func finish() {
    flush()
    if let ended { recorder.finish(status: ended) }
  }
}
