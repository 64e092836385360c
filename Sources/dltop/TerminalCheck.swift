import Foundation

/// Whether the full-screen dashboard can run on this terminal: stdin and stdout are terminals and
/// `TERM` names one that can move the cursor. `TERM=dumb` (Emacs shells, some CI consoles) or no
/// `TERM` at all would print every frame on one line, so dltop runs headless there and says why.
enum TerminalCheck {
  /// Terminal types that cannot address the cursor.
  static let cursorlessTerminals: Set<String> = ["", "dumb", "unknown", "emacs"]

  /// nil when the dashboard can run; otherwise why not (nil reason = not a terminal at all, which
  /// needs no note: output is piped or redirected).
  static func dashboardProblem(environment: [String: String] = ProcessInfo.processInfo.environment)
    -> (headless: Bool, note: String?)
  {
    guard isatty(STDOUT_FILENO) != 0, isatty(STDIN_FILENO) != 0 else { return (true, nil) }
    let term = environment["TERM"] ?? ""
    if cursorlessTerminals.contains(term) {
      let shown = term.isEmpty ? "TERM is not set" : "TERM=\(term)"
      return (
        true,
        "\(shown): this terminal cannot move the cursor, so no dashboard; running headless "
          + "(set TERM=xterm-256color for the dashboard, or pass --headless to silence this note)"
      )
    }
    return (false, nil)
  }
}
