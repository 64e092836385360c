/// Where each panel goes for a terminal size: a pure function, run every frame (btop's
/// `calcSizes`), so resizing needs no state.
///
/// - From 120×36: loss, accuracy and learning rate side by side on top; confusion matrix,
///   diagnosis and events below.
/// - From 80×24: loss over accuracy with the confusion matrix beside them; learning rate,
///   diagnosis and events along the bottom. Every panel is visible.
/// - From 50×14: loss and accuracy, with diagnosis and events below; the learning rate and the
///   confusion matrix are one key away (3, 4).
/// - Smaller: no panels; the dashboard says "terminal too small".
package enum DashboardLayout {
  package static let minimumWidth = 50
  package static let minimumHeight = 14
  /// The size from which every panel is on screen.
  package static let fullWidth = 80
  package static let fullHeight = 24

  /// Panel rectangles for `size`; empty when the terminal is below the minimum.
  /// - Parameter zoom: 1…5 gives that panel the whole body.
  package static func compute(size: (width: Int, height: Int), zoom: Int? = nil) -> [PanelID: Rect]
  {
    let (w, h) = size
    guard w >= minimumWidth, h >= minimumHeight else { return [:] }
    var panels: [PanelID: Rect] = [
      .status: Rect(x: 0, y: 0, width: w, height: 2),
      .footer: Rect(x: 0, y: h - 1, width: w, height: 1),
    ]
    let body = Rect(x: 0, y: 2, width: w, height: h - 3)
    if let zoom {
      let ids = PanelID.zoomed(zoom)
      if ids.count == 1 {
        panels[ids[0]] = body
      } else {
        let top = body.height * 2 / 5
        panels[.diagnosis] = Rect(x: 0, y: body.y, width: w, height: top)
        panels[.events] = Rect(x: 0, y: body.y + top, width: w, height: body.height - top)
      }
      return panels
    }
    if w >= 120 && h >= 36 {
      let top = body.height * 45 / 100
      let lossWidth = w * 2 / 5
      let accuracyWidth = (w - lossWidth) / 2
      panels[.loss] = Rect(x: 0, y: body.y, width: lossWidth, height: top)
      panels[.accuracy] = Rect(x: lossWidth, y: body.y, width: accuracyWidth, height: top)
      panels[.learningRate] = Rect(
        x: lossWidth + accuracyWidth, y: body.y, width: w - lossWidth - accuracyWidth, height: top)
      let lower = body.height - top
      let confusionWidth = w / 2
      let diagnosisHeight = lower * 11 / 20
      panels[.confusion] = Rect(x: 0, y: body.y + top, width: confusionWidth, height: lower)
      panels[.diagnosis] = Rect(
        x: confusionWidth, y: body.y + top, width: w - confusionWidth, height: diagnosisHeight)
      panels[.events] = Rect(
        x: confusionWidth, y: body.y + top + diagnosisHeight, width: w - confusionWidth,
        height: lower - diagnosisHeight)
    } else if w >= fullWidth && h >= fullHeight {
      let top = max(14, body.height * 2 / 3)
      let confusionWidth = w >= 100 ? w * 2 / 5 : 34
      let chartWidth = w - confusionWidth
      let lossHeight = (top + 1) / 2
      panels[.loss] = Rect(x: 0, y: body.y, width: chartWidth, height: lossHeight)
      panels[.accuracy] = Rect(
        x: 0, y: body.y + lossHeight, width: chartWidth, height: top - lossHeight)
      panels[.confusion] = Rect(x: chartWidth, y: body.y, width: confusionWidth, height: top)
      let bottom = body.height - top
      let lrWidth = w * 3 / 10
      let diagnosisWidth = (w - lrWidth) * 11 / 20
      panels[.learningRate] = Rect(x: 0, y: body.y + top, width: lrWidth, height: bottom)
      panels[.diagnosis] = Rect(x: lrWidth, y: body.y + top, width: diagnosisWidth, height: bottom)
      panels[.events] = Rect(
        x: lrWidth + diagnosisWidth, y: body.y + top, width: w - lrWidth - diagnosisWidth,
        height: bottom)
    } else {
      let bottom = max(5, body.height / 3)
      let top = body.height - bottom
      panels[.loss] = Rect(x: 0, y: body.y, width: w / 2, height: top)
      panels[.accuracy] = Rect(x: w / 2, y: body.y, width: w - w / 2, height: top)
      panels[.diagnosis] = Rect(x: 0, y: body.y + top, width: w / 2, height: bottom)
      panels[.events] = Rect(x: w / 2, y: body.y + top, width: w - w / 2, height: bottom)
    }
    return panels
  }
}
