/// How a cell looks: colours (nil means the terminal's default) and attributes.
///
/// Colours are resolved from the theme when a widget draws, so the grid holds plain RGB and the
/// backend maps it to what the terminal can show (truecolor, 256, 16, 8 colours or none).
package struct Style: Sendable, Hashable {
  package var foreground: RGB?
  package var background: RGB?
  package var bold = false
  package var dim = false
  package var underline = false
  package var reverse = false

  package init(
    foreground: RGB? = nil, background: RGB? = nil, bold: Bool = false, dim: Bool = false,
    underline: Bool = false, reverse: Bool = false
  ) {
    self.foreground = foreground
    self.background = background
    self.bold = bold
    self.dim = dim
    self.underline = underline
    self.reverse = reverse
  }

  package static let plain = Style()

  package func with(foreground: RGB?) -> Style {
    var copy = self
    copy.foreground = foreground
    return copy
  }

  package func with(background: RGB?) -> Style {
    var copy = self
    copy.background = background
    return copy
  }

  package var bolded: Style {
    var copy = self
    copy.bold = true
    return copy
  }

  package var dimmed: Style {
    var copy = self
    copy.dim = true
    return copy
  }

  package var reversed: Style {
    var copy = self
    copy.reverse = true
    return copy
  }
}

/// One terminal cell: a character of display width 1 and its style.
package struct Cell: Sendable, Hashable {
  package var character: Character
  package var style: Style

  package init(_ character: Character = " ", style: Style = .plain) {
    self.character = character
    self.style = style
  }

  package static let blank = Cell()
}
