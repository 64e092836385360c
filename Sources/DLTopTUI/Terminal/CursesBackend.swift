import CNcursesw
import Foundation
import Synchronization

/// The only code that talks to ncurses: it starts and restores the terminal, decodes keys,
/// maps RGB colours onto what the terminal can show, and writes the cells that changed.
///
/// Every ncurses call lives here (swift-system's `Syscalls.swift`), so the rest of the
/// dashboard is testable against `MemoryBackend`.
@MainActor
package final class CursesBackend: TerminalBackend {
  /// How colours reach the terminal.
  package enum ColorMode: String, Sendable {
    /// 24-bit colour through a direct-colour terminfo entry (`xterm-direct`, COLORS = 2²⁴).
    case direct
    case palette256 = "256"
    case ansi16 = "16"
    case ansi8 = "8"
    /// No colour (NO_COLOR, or a terminal without colours): attributes only.
    case monochrome
  }

  /// Why the terminal could not be opened.
  package enum Failure: Error, CustomStringConvertible {
    case unknownTerminal(String)
    package var description: String {
      switch self {
      case .unknownTerminal(let term): "cannot open the terminal '\(term)' (check TERM)"
      }
    }
  }

  package let colorMode: ColorMode
  package let unicode: Bool
  /// Whether curses is active, for `emergencyRestore()` (read from signal paths).
  private nonisolated static let active = Atomic<Bool>(false)
  private let window: UnsafeMutablePointer<WINDOW>
  private var cache = ScreenCache()
  private var pairs: [PairKey: Int32] = [:]
  private var nextPair: Int32 = 1
  private let maxPairs: Int32
  private var isShutDown = false

  private struct PairKey: Hashable {
    var foreground: Int32
    var background: Int32
  }

  /// Opens the terminal: `setlocale(LC_ALL, "")`, `newterm`, cbreak, noecho, keypad, a 50 ms
  /// input timeout, hidden cursor, and the best colour mode the terminal and environment allow.
  /// - Parameter inputTimeoutMilliseconds: how long `readKey()` waits.
  /// - Throws: `Failure.unknownTerminal` when TERM has no terminfo entry.
  /// The corresponding ncurses calls are `newterm`, `cbreak`, `noecho`, `keypad`, `wtimeout`,
  /// `curs_set`, `mousemask` and `mouseinterval`.
  package init(
    environment: [String: String] = ProcessInfo.processInfo.environment,
    inputTimeoutMilliseconds: Int32 = 50
  ) throws {
    setlocale(LC_ALL, "")
    let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
    unicode = codeset.uppercased().replacingOccurrences(of: "-", with: "") == "UTF8"
    let term = environment["TERM"] ?? "dumb"
    guard dltop_newterm(nil) != nil, let window = dltop_stdscr() else {
      throw Failure.unknownTerminal(term)
    }
    self.window = window
    Self.active.store(true, ordering: .sequentiallyConsistent)
    cbreak()
    noecho()
    nonl()
    keypad(window, true)
    scrollok(window, false)
    leaveok(window, true)
    set_escdelay(25)
    wtimeout(window, inputTimeoutMilliseconds)
    curs_set(0)
    // Left clicks as KEY_MOUSE, reported on press (no click-resolution delay); terminals without
    // mouse reporting simply send none.
    mousemask(dltop_button1_pressed() | dltop_button1_clicked(), nil)
    mouseinterval(0)
    let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
    if noColor || !has_colors() {
      colorMode = .monochrome
      maxPairs = 0
    } else {
      start_color()
      use_default_colors()
      let colors = dltop_colors()
      let colorTerm = (environment["COLORTERM"] ?? "").lowercased()
      if colors >= 0x100_0000
        && (colorTerm == "truecolor" || colorTerm == "24bit" || tigetflag("RGB") > 0)
      {
        colorMode = .direct
      } else if colors >= 256 {
        colorMode = .palette256
      } else if colors >= 16 {
        colorMode = .ansi16
      } else {
        colorMode = .ansi8
      }
      maxPairs = max(0, dltop_color_pairs() - 1)
    }
  }

  /// The theme to draw with in this terminal: monochrome without colours, the built-in 16-colour
  /// theme under 256 colours, ASCII symbols when the locale is not UTF-8.
  package func adapt(_ theme: Theme) -> Theme {
    var adapted: Theme
    switch colorMode {
    case .monochrome: adapted = .noColors
    case .ansi8, .ansi16: adapted = theme.monochrome ? theme : .tty
    case .direct, .palette256: adapted = theme
    }
    return adapted.withSymbols(unicode ? .unicodeSet : .asciiSet)
  }

  package var size: (width: Int, height: Int) {
    (Int(getmaxx(window)), Int(getmaxy(window)))
  }

  /// The corresponding ncurses calls are `wget_wch` and, for a click, `getmouse`.
  package func readKey() -> Key? {
    var character: wint_t = 0
    let result = wget_wch(window, &character)
    if result == ERR { return nil }
    if result == dltop_key_code_yes() {
      let code = Int32(character)
      switch code {
      case KEY_UP: return .up
      case KEY_DOWN: return .down
      case KEY_LEFT: return .left
      case KEY_RIGHT: return .right
      case dltop_key_resize():
        cache.invalidate()
        return .resize
      case dltop_key_mouse():
        var event = MEVENT()
        guard getmouse(&event) == OK,
          event.bstate & (dltop_button1_pressed() | dltop_button1_clicked()) != 0
        else { return nil }
        return .click(x: Int(event.x), y: Int(event.y))
      default:
        for n in 1...12 where code == dltop_key_f(Int32(n)) { return .function(n) }
        return nil
      }
    }
    guard let scalar = Unicode.Scalar(UInt32(character)) else { return nil }
    return Key.decode(scalar)
  }

  /// Writes the changed cells, then `wrefresh`. The corresponding ncurses calls are
  /// `setcchar`, `mvwadd_wch` and `wrefresh`.
  package func draw(_ grid: CellGrid) {
    var cell = cchar_t()
    let written = cache.apply(grid) { x, y, value in
      let character = unicode ? value.character : ASCIIFallback.map(value.character)
      var text: [wchar_t] =
        character.unicodeScalars.prefix(1).map { wchar_t(bitPattern: $0.value) } + [0]
      if text[0] == 0 { text[0] = wchar_t(32) }
      let (attributes, pair) = attributesAndPair(for: value.style)
      _ = dltop_setcchar(&cell, &text, attributes, pair)
      _ = mvwadd_wch(window, Int32(y), Int32(x), &cell)
    }
    if written > 0 { wrefresh(window) }
  }

  /// The corresponding ncurses call is `wtimeout`.
  package func setInputTimeout(milliseconds: Int32) { wtimeout(window, milliseconds) }

  package func invalidate() {
    cache.invalidate()
    clearok(window, true)
  }

  /// Gives the terminal back, stops the process with SIGTSTP, and repaints when continued.
  /// The corresponding ncurses calls are `endwin` and `wrefresh`.
  package func suspend() {
    endwin()
    let previous = signal(SIGTSTP, SIG_DFL)
    raise(SIGTSTP)
    signal(SIGTSTP, previous)
    invalidate()
    wrefresh(window)
  }

  /// Restores the terminal (`endwin`); safe to call more than once.
  package func shutdown() {
    guard !isShutDown else { return }
    isShutDown = true
    Self.emergencyRestore()
  }

  /// Restores the terminal from anywhere, including a signal handler's path: only `endwin`,
  /// and only if curses is active.
  package nonisolated static func emergencyRestore() {
    if active.exchange(false, ordering: .sequentiallyConsistent) {
      endwin()
      fflush(nil)
    }
  }

  /// ncurses attributes and an extended colour pair for a style.
  private func attributesAndPair(for style: Style) -> (attr_t, Int32) {
    var attributes = dltop_a_normal()
    if style.bold { attributes |= dltop_a_bold() }
    if style.dim { attributes |= dltop_a_dim() }
    if style.underline { attributes |= dltop_a_underline() }
    if style.reverse { attributes |= dltop_a_reverse() }
    guard colorMode != .monochrome, maxPairs > 0 else { return (attributes, 0) }
    let key = PairKey(
      foreground: colorNumber(style.foreground), background: colorNumber(style.background))
    if key.foreground == -1 && key.background == -1 { return (attributes, 0) }
    if let pair = pairs[key] { return (attributes, pair) }
    if nextPair > maxPairs {
      // Out of pairs: start over and repaint (rare: it takes tens of thousands of colour pairs).
      pairs.removeAll()
      nextPair = 1
      cache.invalidate()
    }
    let pair = nextPair
    nextPair += 1
    init_extended_pair(pair, key.foreground, key.background)
    pairs[key] = pair
    return (attributes, pair)
  }

  /// The terminal's colour number for an RGB colour in this mode; -1 is the default colour.
  private func colorNumber(_ color: RGB?) -> Int32 {
    guard let color else { return -1 }
    switch colorMode {
    case .direct: return Int32(color.r) << 16 | Int32(color.g) << 8 | Int32(color.b)
    case .palette256: return Int32(ANSIColor.xterm256Index(for: color))
    case .ansi16: return Int32(ANSIColor.nearest(to: color, among: 16).rawValue)
    case .ansi8: return Int32(ANSIColor.nearest(to: color, among: 8).rawValue)
    case .monochrome: return -1
    }
  }
}
