/// The one table of key bindings: it drives `Dashboard.handle(key:)` and generates the help
/// screen, so the two cannot disagree (btop's and bottom's key tables).
package enum Keymap {
  /// `]` / `[` multiply / divide the learning rate by this factor.
  package static let learningRateFactor = 2.0
  /// The factor as the help screen and footer print it.
  package static let factorLabel = NumberFormat.rate(learningRateFactor)

  /// One row of the table.
  package struct Binding: Sendable {
    package var keys: [Key]
    package var action: Action
    package var description: String
  }

  package static let bindings: [Binding] = [
    Binding(
      keys: [.char(" "), .char("p")], action: .togglePause, description: "pause / resume training"),
    Binding(
      keys: [.char("]"), .char("+")], action: .raiseLearningRate,
      description: "learning rate × \(factorLabel)"),
    Binding(
      keys: [.char("["), .char("-")], action: .lowerLearningRate,
      description: "learning rate ÷ \(factorLabel)"),
    Binding(
      keys: [.char("L")], action: .findLearningRate,
      description: "learning-rate range test (while paused; y uses its η)"),
    Binding(keys: [.char("1")], action: .zoom(1), description: "zoom: loss"),
    Binding(keys: [.char("2")], action: .zoom(2), description: "zoom: accuracy"),
    Binding(keys: [.char("3")], action: .zoom(3), description: "zoom: learning rate"),
    Binding(keys: [.char("4")], action: .zoom(4), description: "zoom: confusion matrix"),
    Binding(keys: [.char("5")], action: .zoom(5), description: "zoom: diagnosis and events"),
    Binding(keys: [.char("0"), .escape], action: .unzoom, description: "back to all panels"),
    Binding(
      keys: [.left, .right], action: .scrollLeft,
      description: "earlier / later confusion; scroll when zoomed"),
    Binding(
      keys: [.up, .down], action: .scrollUp, description: "show fewer / more epochs when zoomed"),
    Binding(keys: [.char("l")], action: .toggleLogScale, description: "log scale for loss and lr"),
    Binding(keys: [.char("m")], action: .toggleSmoothing, description: "smoothing (EMA) on / off"),
    Binding(
      keys: [.char("M")], action: .cycleSmoothingWeight,
      description: "smoothing weight: 0.6 0.8 0.9 0.95 0.99 default"),
    Binding(
      keys: [.char("x")], action: .cycleXAxis, description: "x axis: epoch / step / wall time"),
    Binding(
      keys: [.char("c")], action: .toggleConfusionValues, description: "confusion: counts / rates"),
    Binding(
      keys: [.char("e")], action: .toggleEarlyStopping, description: "early stopping on / off"),
    Binding(keys: [.char("s")], action: .snapshot, description: "write a snapshot folder"),
    Binding(
      keys: [.char("r")], action: .toggleRunPicker,
      description: "runs: overlay others, pick the main run"),
    Binding(
      keys: [.char("v")], action: .cycleMetric, description: "panel 2: next metric (unmapped too)"),
    Binding(
      keys: [.char("R")], action: .toggleRunComparison,
      description: "compare runs: hyper-parameters, best and final metrics"),
    Binding(
      keys: [.char("t")], action: .toggleTestResults,
      description: "test results (the run's end; opens by itself)"),
    Binding(
      keys: [.char("?"), .char("h"), .function(1)], action: .toggleHelp, description: "this help"),
    Binding(
      keys: [.char("q"), .function(10)], action: .quit,
      description: "quit (asks while training runs)"),
    Binding(keys: [.control("l")], action: .redraw, description: "redraw the screen"),
    Binding(keys: [.control("z")], action: .suspend, description: "suspend to the shell"),
  ]

  /// Keys whose action differs from their row's (the second key of a pair moves the other way).
  private static let overrides: [Key: Action] = [
    .right: .scrollRight, .down: .scrollDown, .resize: .resize,
  ]

  /// The action bound to `key`, if any.
  package static func action(for key: Key) -> Action? {
    if let action = overrides[key] { return action }
    return bindings.first { $0.keys.contains(key) }?.action
  }

  /// The help screen's lines: keys left-aligned in a column, then the description. `compact`
  /// folds the five zoom rows into one, for screens too short for the whole table.
  package static func helpLines(compact: Bool = false) -> [(keys: String, description: String)] {
    var lines: [(keys: String, description: String)] = []
    var zoomFolded = false
    for binding in bindings {
      if compact, case .zoom = binding.action {
        if !zoomFolded {
          lines.append(("1-5", "zoom: loss, accuracy, lr, confusion, diagnosis"))
          zoomFolded = true
        }
        continue
      }
      lines.append((binding.keys.map(\.description).joined(separator: " "), binding.description))
    }
    return lines
  }
}
