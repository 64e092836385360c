/// ASCII stand-ins for the non-ASCII characters the dashboard uses, for terminals whose locale
/// is not UTF-8 (writing a multi-byte character there garbles the line).
package enum ASCIIFallback {
  private static let table: [Character: Character] = [
    "·": ".", "…": "~", "×": "x", "÷": "/", "→": ">", "←": "<", "↑": "^", "↓": "v", "●": "*",
    "•": "o", "−": "-", "─": "-", "│": "|", "╭": "+", "╮": "+", "╰": "+", "╯": "+", "┤": "+",
    "├": "+", "┊": ":", "┄": ".", "█": "#", "░": ".", "▀": "\"", "▄": "_", "²": "2", "⁴": "4",
    "◆": "*", "▲": "+", "■": "#", "▸": ">",
  ]

  /// `character` if it is ASCII, else its stand-in: braille becomes `'`, `.` or `:` by which
  /// half of the cell has dots, anything unknown `?`.
  package static func map(_ character: Character) -> Character {
    if character.isASCII { return character }
    if let mapped = table[character] { return mapped }
    if let scalar = character.unicodeScalars.first, (0x2801...0x28FF).contains(scalar.value) {
      let pattern = scalar.value - 0x2800
      let top = pattern & 0x1B != 0
      let bottom = pattern & 0xE4 != 0
      return top && bottom ? ":" : (top ? "'" : ".")
    }
    if character == "\u{2800}" { return " " }
    return "?"
  }
}
