import Foundation
import Testing

@testable import DLTopMonitor

/// The same history fed live (record by record, as the trainer adapter feeds it), followed (the
/// log written progressively to a file that a `WatchSession` follows) and replayed (`dltop
/// diagnose`'s streaming replay) gives the same verdict timeline, epoch by epoch — for every run
/// of the diagnosis corpus: the field corpus of `split.tsv` (both halves), the older corpus and the
/// Keras runs.
struct TimelineAgreementTests {
  struct Run: CustomStringConvertible {
    var path: String
    var classCount: Int?
    var description: String { (path as NSString).lastPathComponent }
  }

  static func runs() throws -> [Run] {
    let corpus = try DiagnosisCorpusTests.cases().map {
      Run(path: DiagnosisCorpusTests.folder.appendingPathComponent($0.file).path, classCount: nil)
    }
    let keras = try KerasRunsDiagnosisTests.runs().map {
      Run(path: $0.path, classCount: $0.classes)
    }
    let field = try DiagnosisCorpus(fixtures: FieldCorpusTests.fixtures)
    let split = field.runs.map {
      Run(path: field.folder.appendingPathComponent($0.file).path, classCount: $0.classCount)
    }
    // The split lists the older corpora too: each run once.
    var seen = Set<String>()
    return (corpus + keras + split).filter {
      seen.insert(URL(fileURLWithPath: $0.path).standardizedFileURL.path).inserted
    }
  }

  /// Live: every epoch handed to a recorder in order, as the trainer adapter does.
  static func live(_ run: Run) throws -> [VerdictChange] {
    let log = try LogFileReader.read(path: run.path)
    var options = RunRecorder.Options()
    options.earlyStoppingEnabled = false
    options.classCount = run.classCount ?? log.classNames?.count
    var description = RunDescription(name: "live", source: "live", controllable: true)
    // A live run's description carries its configuration.
    description.configuration = log.configuration
    let recorder = RunRecorder(run: description, options: options, elapsed: { 0 })
    for record in log.epochs { recorder.record(epoch: record) }
    return recorder.timeline.changes
  }

  /// Replayed: `dltop diagnose`'s streaming path.
  static func replayed(_ run: Run) throws -> [VerdictChange] {
    try LogReplay.diagnose(path: run.path, options: .init(classCount: run.classCount)).timeline
  }

  /// Followed: the file grows in chunks of whole lines while a session polls it.
  static func followed(_ run: Run) -> [VerdictChange] {
    let folder = WatchTestFolder()
    let name = (run.path as NSString).lastPathComponent
    let bytes = [UInt8](FileManager.default.contents(atPath: run.path) ?? Data())
    let lineEnds = bytes.indices.filter { bytes[$0] == UInt8(ascii: "\n") }
    var configuration = WatchSession.Configuration()
    configuration.settleAfter = 3600
    configuration.recorder.classCount = run.classCount
    folder.write([], to: name)
    let session = WatchSession(
      path: folder.path + "/" + name, link: WatchSession.makeLink(path: name),
      configuration: configuration)
    var written = 0
    let step = max(1, lineEnds.count / 7)
    for index in Swift.stride(from: step - 1, to: lineEnds.count, by: step) {
      let end = lineEnds[index] + 1
      folder.append(bytes[written..<end], to: name)
      written = end
      session.pollOnce()
    }
    if written < bytes.count { folder.append(bytes[written...], to: name) }
    session.pollOnce()
    session.settleAll()
    return session.link.latest().timeline
  }

  @Test func liveFollowedAndReplayedRunsGiveTheSameTimeline() throws {
    let runs = try Self.runs()
    #expect(runs.count >= 240)
    var disagreements: [String] = []
    for run in runs {
      let live = try Self.live(run)
      let replayed = try Self.replayed(run)
      let followed = Self.followed(run)
      let epochs = try LogFileReader.read(path: run.path).epochs.count
      #expect(!live.isEmpty || epochs < DiagnosisThresholds.minimumEpochs, "\(run): no timeline")
      if live != replayed || live != followed {
        disagreements.append("\(run): live \(live) replayed \(replayed) followed \(followed)")
      }
    }
    #expect(disagreements.isEmpty, "\(disagreements.joined(separator: "\n"))")
  }

  @Test func noCorpusRunHasAVerdictThatLastsASingleEpoch() throws {
    for run in try Self.runs() {
      let changes = try Self.live(run)
      for (earlier, later) in zip(changes, changes.dropFirst()) {
        // An immediate verdict (a blow-up needs no second opinion) may end any state at once.
        let immediate = VerdictTimeline.Hysteresis().immediate.contains(later.verdict)
        #expect(later.epoch - earlier.epoch >= 2 || immediate, "\(run): \(earlier) → \(later)")
      }
    }
  }
}
