/// What the run loop needs from a terminal; `CursesBackend` is the real one and
/// `MemoryBackend` its in-memory twin for tests (NIO's `EmbeddedChannel`).
@MainActor
package protocol TerminalBackend: AnyObject {
  /// Columns and rows now.
  var size: (width: Int, height: Int) { get }
  /// Whether braille and box-drawing characters can be shown (UTF-8 locale).
  var unicode: Bool { get }
  /// The next key, waiting at most the backend's input timeout (about 50 ms); nil if none came.
  func readKey() -> Key?
  /// Changes how long `readKey()` waits (shortened briefly after a command, so the engine's
  /// answer shows sooner).
  func setInputTimeout(milliseconds: Int32)
  /// Shows `grid`, writing only the cells that changed since the last frame.
  func draw(_ grid: CellGrid)
  /// Forgets what is on screen, so the next `draw` repaints every cell (Ctrl-L, resize).
  func invalidate()
  /// Hands the terminal back to the shell and stops the process until it is continued (Ctrl-Z).
  func suspend()
  /// Restores the terminal; safe to call more than once.
  func shutdown()
}
