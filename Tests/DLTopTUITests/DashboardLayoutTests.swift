import Testing

@testable import DLTopTUI

struct DashboardLayoutTests {
  static let sizes = [
    (50, 14), (60, 20), (79, 30), (80, 24), (100, 30), (119, 50), (120, 36), (120, 40), (200, 60),
    (300, 100),
  ]

  @Test(arguments: sizes)
  func panelsNeverOverlapAndStayOnScreen(width: Int, height: Int) {
    let panels = DashboardLayout.compute(size: (width, height))
    let screen = Rect(x: 0, y: 0, width: width, height: height)
    #expect(!panels.isEmpty)
    let rects = Array(panels.values)
    for (i, a) in rects.enumerated() {
      #expect(a.clipped(to: screen) == a, "\(a) leaves the screen")
      #expect(!a.isEmpty)
      for b in rects[(i + 1)...] { #expect(!a.intersects(b), "\(a) overlaps \(b)") }
    }
  }

  @Test(arguments: [(80, 24), (120, 40), (200, 60)])
  func everyPanelIsVisibleFrom80x24(width: Int, height: Int) {
    let panels = DashboardLayout.compute(size: (width, height))
    #expect(Set(panels.keys) == Set(PanelID.allCases))
  }

  @Test func confusionGetsRoomForTenClassesAt80x24() {
    let confusion = DashboardLayout.compute(size: (80, 24))[.confusion]
    #expect((confusion?.height ?? 0) >= 14)
  }

  @Test func belowTheMinimumThereAreNoPanels() {
    #expect(DashboardLayout.compute(size: (40, 10)).isEmpty)
    #expect(DashboardLayout.compute(size: (49, 30)).isEmpty)
  }

  @Test func zoomGivesOnePanelTheWholeBody() {
    let panels = DashboardLayout.compute(size: (100, 30), zoom: 4)
    #expect(Set(panels.keys) == [.status, .confusion, .footer])
    #expect(panels[.confusion] == Rect(x: 0, y: 2, width: 100, height: 27))
  }
}
