/// A key press as the backend decodes it.
package enum Key: Sendable, Hashable, CustomStringConvertible {
  case char(Character)
  case up, down, left, right
  case escape
  case function(Int)
  /// Ctrl plus a letter, e.g. `.control("l")` for Ctrl-L (byte 0x0C).
  case control(Character)
  case resize
  /// A left-button click at a cell (column, row from the top left), where the terminal reports
  /// mouse events.
  case click(x: Int, y: Int)

  /// Decodes a character read in cbreak mode: control bytes become `.control`, ESC `.escape`.
  package static func decode(_ scalar: Unicode.Scalar) -> Key {
    switch scalar.value {
    case 0x1B: .escape
    case 0x7F: .char("\u{7F}")
    case 1...26 where scalar.value != 0x09 && scalar.value != 0x0A && scalar.value != 0x0D:
      .control(Character(Unicode.Scalar(UInt8(scalar.value + 0x60))))
    default: .char(Character(scalar))
    }
  }

  /// How the help screen names the key.
  package var description: String {
    switch self {
    case .char(" "): "space"
    case .char(let c): String(c)
    case .up: "↑"
    case .down: "↓"
    case .left: "←"
    case .right: "→"
    case .escape: "Esc"
    case .function(let n): "F\(n)"
    case .control(let c): "Ctrl-" + String(c).uppercased()
    case .resize: "resize"
    case .click: "click"
    }
  }
}
