/// The characters borders, bars and charts use: Unicode when the locale is UTF-8, ASCII otherwise.
package struct Symbols: Sendable, Equatable {
  package var unicode: Bool
  package var horizontal: Character
  package var vertical: Character
  package var topLeft: Character
  package var topRight: Character
  package var bottomLeft: Character
  package var bottomRight: Character
  package var titleLeft: Character
  package var titleRight: Character
  package var barFull: Character
  package var barEmpty: Character
  /// The marker for validation points on a chart.
  package var marker: Character
  /// Vertical mark lines (best epoch, early stop, lr changes).
  package var markLine: Character
  package var ellipsis: Character

  package static let unicodeSet = Symbols(
    unicode: true, horizontal: "─", vertical: "│", topLeft: "╭", topRight: "╮", bottomLeft: "╰",
    bottomRight: "╯", titleLeft: "┤", titleRight: "├", barFull: "█", barEmpty: "░", marker: "•",
    markLine: "┊", ellipsis: "…")

  package static let asciiSet = Symbols(
    unicode: false, horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+",
    bottomRight: "+", titleLeft: "[", titleRight: "]", barFull: "#", barEmpty: ".", marker: "o",
    markLine: ":", ellipsis: "~")

  /// Markers for comparison runs, one shape per run in turn (validation points keep `marker`).
  package var comparisonMarkers: [Character] {
    unicode ? ["◆", "▲", "■", "×"] : ["*", "+", "x", "#"]
  }
}
