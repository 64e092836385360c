import DLTopMonitor
import Testing

@testable import DLTopTUI

/// Golden screens of `dltop watch` on a folder of three runs (`WatchSample`).
@MainActor
struct WatchSnapshotTests {
  func screen(
    width: Int = 120, height: Int = 40, snapshot: TrainingSnapshot = WatchSample.snapshot(),
    keys: [Key] = []
  ) -> [String] {
    let dashboard = Dashboard(snapshot: snapshot, clock: { 0 })
    for key in keys { _ = dashboard.handle(key: key) }
    return dashboard.render(snapshot: snapshot, size: (width, height)).lines
  }

  @Test func watchedFolderWithTwoComparisonRunsAt120x40() { assertSnapshot(screen()) }
  @Test func watchedFolderWithTwoComparisonRunsAt80x24() {
    assertSnapshot(screen(width: 80, height: 24))
  }
  @Test func runPickerOpenAt120x40() {
    // The slow run's overlay switched off in the picker, the highlight moved to it.
    assertSnapshot(screen(keys: [.char("r"), .up, .char(" ")]))
  }
  @Test func runPickerScrolledAt80x24() {
    var snapshot = WatchSample.snapshot()
    snapshot.comparisonRuns += (0..<20).map {
      ComparisonRun(name: "lightning_logs/version_\($0)", epochs: [], visible: $0 % 3 == 0)
    }
    let up = Array(repeating: Key.up, count: 12)
    assertSnapshot(screen(width: 80, height: 24, snapshot: snapshot, keys: [.char("r")] + up))
  }
  @Test func unmappedScalarChosenAt120x40() {
    // `v` twice: past `epoch_time` to `f1`, drawn with its partner `val_f1`.
    assertSnapshot(screen(keys: [.char("v"), .char("v")]))
  }
  @Test func watchedRunQuietForThreeMinutesAt100x30() {
    // The log has not grown for 3½ minutes: the header says so, before the elapsed time.
    var snapshot = WatchSample.snapshot()
    snapshot.progress.quietSeconds = TrainingProgress.quietSeconds(after: 212)
    let lines = screen(width: 100, height: 30, snapshot: snapshot)
    #expect(lines[0].contains("WATCHING") && lines[0].contains("last update 3 min ago"))
    assertSnapshot(lines)
  }
  @Test func aFollowedLogThatEndedSaysFinishedAndNotQuiet() {
    // A dltop run log's end record finishes the recorder: FINISHED, no staleness however long ago.
    var snapshot = WatchSample.snapshot()
    snapshot.status = .finished(reason: "all 20 epochs run")
    snapshot.progress.quietSeconds = TrainingProgress.quietSeconds(after: 4000)
    let lines = screen(width: 100, height: 30, snapshot: snapshot)
    #expect(lines[0].hasPrefix("FINISHED") && !lines[0].contains("last update"))
    #expect(lines[1].contains("read from its log"))
  }
  @Test func aLargeLogStillLoadingSaysHowFarAt100x30() {
    var snapshot = WatchSample.snapshot()
    snapshot.epochs = []
    snapshot.verdicts = []
    snapshot.timeline = []
    snapshot.comparisonRuns = []
    snapshot.earlyStopping = nil
    snapshot.progress = TrainingProgress()
    snapshot.progress.loading = LoadingProgress(
      file: "run.jsonl", bytesRead: 45_300_000, totalBytes: 200_000_000)
    let lines = screen(width: 100, height: 30, snapshot: snapshot)
    #expect(lines[0].contains("reading run.jsonl 45 MB / 200 MB"))
    #expect(lines.contains { $0.contains("│reading run.jsonl 45 MB / 200 MB") })
    #expect(!lines.contains { $0.contains("no finished epoch yet") })
    assertSnapshot(lines)
  }
  @Test func quietTimeIsShownInWholeMinutesAfterOne() {
    #expect(TrainingProgress.quietSeconds(after: 59.9) == nil)
    #expect(TrainingProgress.quietSeconds(after: 89) == 60)
    #expect(StatusLine.agoText(60) == "1 min ago")
    #expect(StatusLine.agoText(3930) == "1 h 5 min ago")
    #expect(NumberFormat.bytes(812_400) == "812 KB")
    #expect(NumberFormat.bytes(4_240_000) == "4.2 MB")
    #expect(NumberFormat.bytes(1_300_000_000) == "1.3 GB")
  }
  @Test func watchedFolderMonochromeAsciiAt120x40() {
    let dashboard = Dashboard(
      snapshot: WatchSample.snapshot(), theme: Theme.noColors.withSymbols(.asciiSet),
      clock: { 0 })
    let lines = dashboard.render(snapshot: WatchSample.snapshot(), size: (120, 40)).lines
    assertSnapshot(lines.map { String($0.map(ASCIIFallback.map)) })
  }
}
