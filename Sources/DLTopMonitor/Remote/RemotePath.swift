/// A run on another machine, `[user@]host:path`, as `dltop watch` and `dltop diagnose` take it
/// (scp's syntax). The path is read there through the system's `ssh`.
package struct RemotePath: Sendable, Equatable, CustomStringConvertible {
  /// `user@host` or `host`, or an alias of the user's ssh configuration, passed to `ssh` as is.
  package var destination: String
  /// The path on the remote machine; `~/…` is the remote home folder, empty means the home folder.
  package var path: String

  /// Parses `[user@]host:path`; nil when `text` is a local path (no colon before the first slash,
  /// or a colon at the start).
  package init?(_ text: String) {
    guard let colon = text.firstIndex(of: ":") else { return nil }
    let host = text[..<colon]
    guard !host.isEmpty, !host.contains("/"), !host.hasSuffix("@"), !host.hasPrefix("@") else {
      return nil
    }
    destination = String(host)
    path = String(text[text.index(after: colon)...])
  }

  package var description: String { destination + ":" + path }
}
