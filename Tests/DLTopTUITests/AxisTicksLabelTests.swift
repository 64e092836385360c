import DLTopMonitor
import Testing

@testable import DLTopTUI

struct AxisTicksLabelTests {
  @Test func neighbouringSmallTicksGetDistinctLabels() {
    let ticks = AxisTicks.nice(low: 9e-4, high: 1.1e-3, maxCount: 5)
    let step = ticks.count > 1 ? ticks[1] - ticks[0] : 0
    let labels = ticks.map { AxisTicks.label($0, step: step) }
    #expect(Set(labels).count == labels.count, "\(labels)")
    #expect(AxisTicks.label(1e-3, step: 5e-5) == "1e-3")
    #expect(AxisTicks.label(1.05e-3, step: 5e-5) == "1.05e-3")
    #expect(AxisTicks.label(9.5e-4, step: 5e-5) == "9.5e-4")
  }
}

struct ConfusionPanelMessageTests {
  @Test func theEmptyPanelSaysWhyThereIsNoMatrix() {
    var classification = TrainingSnapshot(
      run: RunDescription(name: "r", source: "dltop", classNames: ["a", "b"], controllable: true))
    #expect(ConfusionPanel.emptyMessage(classification) == "no validation pass yet")
    classification.run.classNames = nil
    #expect(ConfusionPanel.emptyMessage(classification) == "regression: no confusion matrix")
    classification.run.controllable = false
    #expect(ConfusionPanel.emptyMessage(classification) == "no confusion matrix in this log")
  }
}
