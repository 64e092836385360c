import DLTopMonitor
import Testing

@testable import DLTopTUI

/// Golden screens of the whole dashboard from `SampleRun`.
@MainActor
struct DashboardSnapshotTests {
  func screen(
    width: Int, height: Int, snapshot: TrainingSnapshot = SampleRun.snapshot(),
    theme: Theme = .standard,
    configure: (Dashboard) -> Void = { _ in }
  ) -> [String] {
    let dashboard = Dashboard(snapshot: snapshot, theme: theme, clock: { 0 })
    configure(dashboard)
    return dashboard.render(snapshot: snapshot, size: (width, height)).lines
  }

  @Test func dashboardAt80x24() { assertSnapshot(screen(width: 80, height: 24)) }
  @Test func dashboardAt120x40() { assertSnapshot(screen(width: 120, height: 40)) }
  @Test func dashboardAt200x60() { assertSnapshot(screen(width: 200, height: 60)) }
  @Test func dashboardAt60x20() { assertSnapshot(screen(width: 60, height: 20)) }
  @Test func dashboardTooSmallAt40x10() { assertSnapshot(screen(width: 40, height: 10)) }
  @Test func helpOverlayAt80x24() {
    assertSnapshot(screen(width: 80, height: 24) { _ = $0.handle(key: .char("?")) })
  }
  @Test func confusionZoomedAt100x30() {
    assertSnapshot(screen(width: 100, height: 30) { _ = $0.handle(key: .char("4")) })
  }
  @Test func lossZoomedLogScaleAt100x30() {
    assertSnapshot(
      screen(width: 100, height: 30) { d in
        _ = d.handle(key: .char("1"))
        _ = d.handle(key: .char("l"))
      })
  }
  @Test func monochromeAsciiAt80x24() {
    // What a non-UTF-8 terminal shows: the backend maps the remaining characters to ASCII.
    let lines = screen(width: 80, height: 24, theme: Theme.noColors.withSymbols(.asciiSet))
    assertSnapshot(lines.map { String($0.map(ASCIIFallback.map)) })
  }
  @Test func watchedRunAt80x24() {
    assertSnapshot(screen(width: 80, height: 24, snapshot: SampleRun.snapshot(controllable: false)))
  }
  @Test func earlierConfusionWithRatesAt120x40() {
    assertSnapshot(
      screen(width: 120, height: 40) { d in
        _ = d.handle(key: .left)
        _ = d.handle(key: .left)
        _ = d.handle(key: .char("c"))
      })
  }
}
