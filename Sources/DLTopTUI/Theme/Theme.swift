/// The colours and characters the dashboard draws with.
///
/// A plain value handed to every widget (`render(into:area:theme:)`), never read from a global.
/// Gradients are pre-expanded to 101 steps indexed 0…100, as btop's `generateGradients` does.
package struct Theme: Sendable {
  package var name: String
  /// Resolved colours; nil means the terminal's default colour.
  package var colors: [ThemeRole: RGB]
  /// 101 colours per gradient.
  package var gradients: [GradientRole: [RGB]]
  /// No colours at all (NO_COLOR, monochrome terminals): widgets use bold, dim and reverse instead.
  package var monochrome: Bool
  package var symbols: Symbols
  /// What was wrong with the theme file (file:line: key), shown in the dashboard's footer when it
  /// opens, since the terminal hides stderr while the dashboard runs.
  package var loadWarnings: [String] = []

  package init(
    name: String, colors: [ThemeRole: RGB], gradientStops: [GradientRole: (RGB, RGB, RGB)],
    monochrome: Bool = false, symbols: Symbols = .unicodeSet
  ) {
    self.name = name
    self.colors = colors
    self.monochrome = monochrome
    self.symbols = symbols
    var gradients: [GradientRole: [RGB]] = [:]
    for (role, stops) in gradientStops { gradients[role] = Theme.expand(stops) }
    self.gradients = gradients
  }

  /// The built-in default theme (Okabe–Ito colours on the terminal's background).
  package static let standard = Theme(
    name: "default",
    colors: Dictionary(
      uniqueKeysWithValues: ThemeRole.allCases.compactMap { role in
        role.defaultColor.map { (role, $0) }
      }),
    gradientStops: Dictionary(
      uniqueKeysWithValues: GradientRole.allCases.map { ($0, $0.defaultStops) }))

  /// No colours: attributes only (used for NO_COLOR and terminals without colour).
  package static let noColors = Theme(
    name: "monochrome", colors: [:], gradientStops: [:], monochrome: true)

  /// The 8/16-colour theme for terminals under 256 colours (btop's `TTY_theme`): every colour is
  /// one of the standard ANSI colours, so the backend's nearest-colour mapping is exact.
  package static let tty = Theme(
    name: "tty",
    colors: [
      .mainForeground: ANSIColor.white.rgb, .title: ANSIColor.brightWhite.rgb,
      .highlight: ANSIColor.yellow.rgb, .inactive: ANSIColor.brightBlack.rgb,
      .border: ANSIColor.brightBlack.rgb, .axis: ANSIColor.white.rgb, .train: ANSIColor.cyan.rgb,
      .validation: ANSIColor.yellow.rgb, .band: ANSIColor.blue.rgb,
      .learningRate: ANSIColor.green.rgb,
      .plannedLearningRate: ANSIColor.green.rgb, .bestMark: ANSIColor.brightYellow.rgb,
      .stopMark: ANSIColor.red.rgb, .changeMark: ANSIColor.magenta.rgb, .good: ANSIColor.green.rgb,
      .warning: ANSIColor.yellow.rgb, .bad: ANSIColor.red.rgb, .paused: ANSIColor.yellow.rgb,
      .message: ANSIColor.cyan.rgb, .comparison1: ANSIColor.magenta.rgb,
      .comparison2: ANSIColor.green.rgb, .comparison3: ANSIColor.brightBlue.rgb,
      .comparison4: ANSIColor.brightYellow.rgb,
    ],
    gradientStops: [
      .heat: (ANSIColor.black.rgb, ANSIColor.blue.rgb, ANSIColor.cyan.rgb),
      .progress: (ANSIColor.blue.rgb, ANSIColor.cyan.rgb, ANSIColor.green.rgb),
    ])

  package func color(_ role: ThemeRole) -> RGB? { monochrome ? nil : colors[role] }

  /// A foreground style in `role`'s colour on the theme background.
  package func style(_ role: ThemeRole, bold: Bool = false) -> Style {
    Style(foreground: color(role), background: colors[.mainBackground], bold: bold)
  }

  /// The gradient colour at `t` in 0…1 (nil for monochrome themes).
  package func gradient(_ role: GradientRole, at t: Double) -> RGB? {
    guard !monochrome, let steps = gradients[role], !steps.isEmpty else { return nil }
    let clamped = t.isFinite ? Swift.min(1, Swift.max(0, t)) : 0
    return steps[Int((clamped * 100).rounded())]
  }

  /// The same theme drawing with ASCII characters (for locales that are not UTF-8).
  package func withSymbols(_ symbols: Symbols) -> Theme {
    var copy = self
    copy.symbols = symbols
    return copy
  }

  /// Expands start, mid and end to 101 colours: 0…50 from start to mid, 50…100 from mid to end.
  package static func expand(_ stops: (RGB, RGB, RGB)) -> [RGB] {
    (0...100).map { i in
      i <= 50
        ? stops.0.mixed(with: stops.1, Double(i) / 50)
        : stops.1.mixed(with: stops.2, Double(i - 50) / 50)
    }
  }
}
