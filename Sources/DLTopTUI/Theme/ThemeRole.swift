/// A colour a widget asks the theme for; the raw value is the key in a theme file
/// (`theme[main_fg]="#cccccc"`).
package enum ThemeRole: String, Sendable, CaseIterable {
  /// Background; empty in a theme file means the terminal's own background.
  case mainBackground = "main_bg"
  case mainForeground = "main_fg"
  case title
  /// Keys in the footer and help screen.
  case highlight = "hi_fg"
  case inactive = "inactive_fg"
  case border = "box_line"
  case axis = "graph_text"
  case train
  case validation = "val"
  /// The per-batch min/max band behind the train loss.
  case band
  case learningRate = "lr"
  case plannedLearningRate = "lr_planned"
  case bestMark = "best_mark"
  case stopMark = "stop_mark"
  case changeMark = "change_mark"
  case good
  case warning
  case bad
  case paused
  case message
  /// Other runs overlaid for comparison (`dltop watch` on a folder), one colour per run in turn.
  case comparison1 = "compare_1"
  case comparison2 = "compare_2"
  case comparison3 = "compare_3"
  case comparison4 = "compare_4"

  /// The comparison runs' colours, used in turn (distinct from train and validation).
  package static let comparisonPalette: [ThemeRole] = [
    .comparison1, .comparison2, .comparison3, .comparison4,
  ]

  /// The built-in default (Okabe–Ito colours, safe for colour-blind readers), used for keys a
  /// theme file leaves out.
  package var defaultColor: RGB? {
    switch self {
    case .mainBackground: nil
    case .mainForeground: RGB(0xD0, 0xD0, 0xD0)
    case .title: RGB(0xEE, 0xEE, 0xEE)
    case .highlight: RGB(0xE6, 0x9F, 0x00)
    case .inactive: RGB(0x70, 0x70, 0x70)
    case .border: RGB(0x58, 0x60, 0x6C)
    case .axis: RGB(0x9A, 0x9A, 0x9A)
    case .train: RGB(0x56, 0xB4, 0xE9)
    case .validation: RGB(0xE6, 0x9F, 0x00)
    case .band: RGB(0x1C, 0x30, 0x40)
    case .learningRate: RGB(0x00, 0x9E, 0x73)
    case .plannedLearningRate: RGB(0x5F, 0x87, 0x7A)
    case .bestMark: RGB(0xF0, 0xE4, 0x42)
    case .stopMark: RGB(0xD5, 0x5E, 0x00)
    case .changeMark: RGB(0xCC, 0x79, 0xA7)
    case .good: RGB(0x00, 0x9E, 0x73)
    case .warning: RGB(0xF0, 0xE4, 0x42)
    case .bad: RGB(0xD5, 0x5E, 0x00)
    case .paused: RGB(0xE6, 0x9F, 0x00)
    case .message: RGB(0x56, 0xB4, 0xE9)
    case .comparison1: RGB(0xCC, 0x79, 0xA7)
    case .comparison2: RGB(0x00, 0x9E, 0x73)
    case .comparison3: RGB(0x00, 0x72, 0xB2)
    case .comparison4: RGB(0xF0, 0xE4, 0x42)
    }
  }
}

/// A colour ramp a theme file gives as `_start`, `_mid` and `_end` keys, expanded to 101 steps.
package enum GradientRole: String, Sendable, CaseIterable {
  /// Confusion-matrix cells, by row-normalized rate.
  case heat
  /// The batch progress bar.
  case progress

  /// Default start, mid and end colours.
  package var defaultStops: (RGB, RGB, RGB) {
    switch self {
    case .heat: (RGB(0x1A, 0x1C, 0x2C), RGB(0x21, 0x66, 0x8C), RGB(0x56, 0xB4, 0xE9))
    case .progress: (RGB(0x00, 0x72, 0xB2), RGB(0x56, 0xB4, 0xE9), RGB(0x00, 0x9E, 0x73))
    }
  }
}
