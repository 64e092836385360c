import DLTopMonitor
import Testing

@testable import DLTopTUI

/// Mouse clicks (where the terminal reports them): a click on a panel zooms it and a click on a
/// zoomed panel goes back; in the run picker a click highlights a run, a second click toggles its
/// overlay. Hit-testing uses the drawn frame's layout.
@MainActor
struct MouseTests {
  @Test func aClickBeforeAnyFrameDoesNothing() {
    let d = Dashboard(snapshot: SampleRun.snapshot(), clock: { 0 })
    #expect(d.handle(key: .click(x: 5, y: 5)).isEmpty)
    #expect(d.state.zoom == nil)
  }

  @Test func clickingAPanelZoomsItAndClickingAgainGoesBack() {
    let snapshot = SampleRun.snapshot()
    let d = Dashboard(snapshot: snapshot, clock: { 0 })
    _ = d.render(snapshot: snapshot, size: (120, 40))
    let panels = DashboardLayout.compute(size: (120, 40))
    for (id, number) in [(PanelID.loss, 1), (.accuracy, 2), (.confusion, 4), (.events, 5)] {
      let area = panels[id]!
      _ = d.handle(key: .click(x: area.x + area.width / 2, y: area.y + area.height / 2))
      #expect(d.state.zoom == number, "\(id)")
      let lines = d.render(snapshot: snapshot, size: (120, 40)).lines
      #expect(lines.count == 40)
      _ = d.handle(key: .click(x: 60, y: 20))
      #expect(d.state.zoom == nil)
      _ = d.render(snapshot: snapshot, size: (120, 40))
    }
    // The status rows and the footer are no panel.
    _ = d.handle(key: .click(x: 10, y: 0))
    _ = d.handle(key: .click(x: 10, y: 39))
    #expect(d.state.zoom == nil)
  }

  @Test func inThePickerAClickHighlightsARunAndASecondClickTogglesItsOverlay() throws {
    let snapshot = WatchSample.snapshot()
    let d = Dashboard(snapshot: snapshot, clock: { 0 })
    _ = d.handle(key: .char("r"))
    let lines = d.render(snapshot: snapshot, size: (120, 40)).lines
    let row = try #require(
      lines.firstIndex { $0.contains("exp-c-adam-lr3e-3") && $0.contains("[x]") })
    let column = lines[row].range(of: "exp-c-adam-lr3e-3").map {
      lines[row].distance(from: lines[row].startIndex, to: $0.lowerBound)
    }!
    _ = d.handle(key: .click(x: column, y: row))
    #expect(d.state.runPickerSelection == WatchSample.fastName)
    #expect(d.state.runOverlay[WatchSample.fastName] == nil)
    _ = d.handle(key: .click(x: column, y: row))
    #expect(d.state.runOverlay[WatchSample.fastName] == false)
    // Outside the picker's box: nothing.
    _ = d.handle(key: .click(x: 0, y: 0))
    #expect(d.state.runPickerVisible && d.state.runPickerSelection == WatchSample.fastName)
  }
}
