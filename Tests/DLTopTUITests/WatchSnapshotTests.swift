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
  @Test func watchedFolderMonochromeAsciiAt120x40() {
    let dashboard = Dashboard(
      snapshot: WatchSample.snapshot(), theme: Theme.noColors.withSymbols(.asciiSet),
      clock: { 0 })
    let lines = dashboard.render(snapshot: WatchSample.snapshot(), size: (120, 40)).lines
    assertSnapshot(lines.map { String($0.map(ASCIIFallback.map)) })
  }
}
