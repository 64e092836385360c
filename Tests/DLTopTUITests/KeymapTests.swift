import Testing

@testable import DLTopTUI

struct KeymapTests {
  @Test func helpListsEveryActionOfTheTable() {
    let help = Keymap.helpLines()
    #expect(help.count == Keymap.bindings.count)
    let actions: [Action] = [
      .togglePause, .raiseLearningRate, .lowerLearningRate, .zoom(1), .zoom(2), .zoom(3), .zoom(4),
      .zoom(5),
      .unzoom, .toggleLogScale, .toggleSmoothing, .toggleConfusionValues, .toggleEarlyStopping,
      .snapshot,
      .toggleHelp, .quit, .redraw, .suspend, .scrollLeft, .scrollUp,
    ]
    for action in actions { #expect(Keymap.bindings.contains { $0.action == action }) }
    #expect(help.contains { $0.keys == "space p" && $0.description.contains("pause") })
    #expect(help.contains { $0.keys == "? h F1" })
    #expect(help.contains { $0.description == "learning rate × 2" })
  }

  @Test func everyKeyInTheTableMapsToAnAction() {
    for binding in Keymap.bindings {
      for key in binding.keys { #expect(Keymap.action(for: key) != nil, "\(key)") }
    }
    #expect(Keymap.action(for: .char("]")) == .raiseLearningRate)
    #expect(Keymap.action(for: .char("+")) == .raiseLearningRate)
    #expect(Keymap.action(for: .char("-")) == .lowerLearningRate)
    #expect(Keymap.action(for: .right) == .scrollRight)
    #expect(Keymap.action(for: .function(1)) == .toggleHelp)
    #expect(Keymap.action(for: .char("z")) == nil)
    // L (the range test) is its own key: l stays the log scale.
    #expect(Keymap.action(for: .char("L")) == .findLearningRate)
    #expect(Keymap.action(for: .char("l")) == .toggleLogScale)
  }

  @Test func controlBytesDecodeToControlKeys() {
    #expect(Key.decode("\u{0C}") == .control("l"))
    #expect(Key.decode("\u{1A}") == .control("z"))
    #expect(Key.decode("\u{1B}") == .escape)
    #expect(Key.decode("q") == .char("q"))
  }
}
