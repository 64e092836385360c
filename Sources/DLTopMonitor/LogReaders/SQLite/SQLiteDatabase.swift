import CSQLite

/// A read-only connection to a SQLite database, through the system library (libsqlite3).
///
/// The only file that touches SQLite's C API (as `CursesBackend.swift` is for ncurses). It opens
/// with `SQLITE_OPEN_READONLY` and a `file:` URI with `mode=ro`, so dltop never writes to a
/// database another process is logging to, also in WAL mode (the writer's `-wal` file is read,
/// never checkpointed). A busy database is retried for up to `busyTimeout` milliseconds.
///
/// Not thread-safe: one connection belongs to one reader.
package final class SQLiteDatabase {
  /// A failed open, prepare or step, with SQLite's message.
  package struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
    package var path: String
    package var message: String
    package var description: String { "\(path): \(message)" }
  }

  /// One column value of a result row.
  package enum Value: Sendable, Equatable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)

    /// The value as a number, when it is one (integers widen to Double).
    package var number: Double? {
      switch self {
      case .integer(let value): Double(value)
      case .real(let value): value
      case .null, .text: nil
      }
    }

    package var integer: Int64? {
      switch self {
      case .integer(let value): value
      case .real(let value) where value == value.rounded(): Int64(exactly: value)
      default: nil
      }
    }

    package var text: String? {
      switch self {
      case .text(let value): value
      case .integer(let value): String(value)
      case .real(let value): String(value)
      case .null: nil
      }
    }
  }

  package let path: String
  private var handle: OpaquePointer?
  package static let busyTimeout: Int32 = 2000

  /// Opens `path` read-only. The corresponding C call is `sqlite3_open_v2`.
  /// - Throws: `Failure` when the file is missing or not a database.
  package init(path: String) throws(Failure) {
    self.path = path
    let uri = "file:" + Self.percentEncoded(path) + "?mode=ro"
    var connection: OpaquePointer?
    let flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX
    let status = sqlite3_open_v2(uri, &connection, flags, nil)
    guard status == SQLITE_OK, let connection else {
      let message = connection.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
      sqlite3_close(connection)
      throw Failure(path: path, message: message)
    }
    handle = connection
    sqlite3_busy_timeout(connection, Self.busyTimeout)
  }

  deinit { sqlite3_close(handle) }

  /// Runs `sql` with `arguments` bound to `?1…` and calls `row` with each result row.
  /// The corresponding C calls are `sqlite3_prepare_v2`, `sqlite3_step` and `sqlite3_column_*`.
  /// - Throws: `Failure` with SQLite's message (no such table, a malformed database…).
  package func query(
    _ sql: String, _ arguments: [Value] = [], row: ([Value]) throws(Failure) -> Void
  ) throws(Failure) {
    var statement: OpaquePointer?
    guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
      throw failure()
    }
    defer { sqlite3_finalize(statement) }
    for (index, argument) in arguments.enumerated() {
      let position = Int32(index + 1)
      switch argument {
      case .null: sqlite3_bind_null(statement, position)
      case .integer(let value): sqlite3_bind_int64(statement, position, value)
      case .real(let value): sqlite3_bind_double(statement, position, value)
      case .text(let value):
        sqlite3_bind_text(statement, position, value, -1, dltop_sqlite_transient())
      }
    }
    let columns = Int(sqlite3_column_count(statement))
    var values = [Value](repeating: .null, count: columns)
    while true {
      let status = sqlite3_step(statement)
      if status == SQLITE_DONE { return }
      guard status == SQLITE_ROW else { throw failure() }
      for column in 0..<columns {
        values[column] = Self.value(statement, Int32(column))
      }
      try row(values)
    }
  }

  /// Every row of `sql`, for small results.
  package func rows(_ sql: String, _ arguments: [Value] = []) throws(Failure) -> [[Value]] {
    var result: [[Value]] = []
    try query(sql, arguments) { result.append($0) }
    return result
  }

  /// The names of the tables in the database.
  package func tableNames() throws(Failure) -> Set<String> {
    Set(
      try rows("SELECT name FROM sqlite_master WHERE type = 'table'").compactMap { $0.first?.text })
  }

  /// The column names of `table`.
  package func columnNames(of table: String) throws(Failure) -> [String] {
    try rows("PRAGMA table_info(\"\(table)\")").compactMap { $0.count > 1 ? $0[1].text : nil }
  }

  private static func value(_ statement: OpaquePointer, _ column: Int32) -> Value {
    switch sqlite3_column_type(statement, column) {
    case SQLITE_INTEGER: return .integer(sqlite3_column_int64(statement, column))
    case SQLITE_FLOAT: return .real(sqlite3_column_double(statement, column))
    case SQLITE_TEXT, SQLITE_BLOB:
      guard let text = sqlite3_column_text(statement, column) else { return .null }
      let count = Int(sqlite3_column_bytes(statement, column))
      let bytes = UnsafeBufferPointer(start: text, count: count)
      return .text(String(decoding: bytes, as: UTF8.self))
    default: return .null
    }
  }

  private func failure() -> Failure {
    Failure(path: path, message: String(cString: sqlite3_errmsg(handle)))
  }

  /// `path` made safe inside a `file:` URI (`?`, `#` and `%` would end or escape the path).
  private static func percentEncoded(_ path: String) -> String {
    var result = ""
    for character in path.unicodeScalars {
      switch character {
      case "%": result += "%25"
      case "?": result += "%3f"
      case "#": result += "%23"
      default: result.unicodeScalars.append(character)
      }
    }
    return result
  }
}
