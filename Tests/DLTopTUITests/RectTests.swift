import Testing

@testable import DLTopTUI

struct RectTests {
  @Test func insetNeverGoesNegative() {
    let r = Rect(x: 0, y: 0, width: 3, height: 1).inset(by: 1)
    #expect(r.width == 1 && r.height == 0 && r.isEmpty)
  }
}
