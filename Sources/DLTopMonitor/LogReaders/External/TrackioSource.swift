/// Reads one run of a trackio project database (`~/.cache/huggingface/trackio/<project>.db`).
///
/// trackio stores each `trackio.log(...)` call as a row of table `metrics` (`id`, `timestamp`,
/// `run_name`, `step`, `metrics`), the values as one JSON object (NaN written as the bare token
/// `NaN`, which `JSONValue` accepts). Each poll reads only rows past the last `id` seen; the rows
/// go to a `MetricRowAssembler`, so trackio's `step` is the epoch unless the run logs an `epoch`.
/// The database is opened read-only, also while trackio writes it in WAL mode.
package struct TrackioSource: PolledLogSource {
  package let format = LogFormat.trackio
  package let path: String
  package let runName: String

  private var database: SQLiteDatabase?
  private var lastID: Int64 = 0
  private var assembler = MetricRowAssembler()
  private var reportedConfiguration = false
  private var reportedFailure: String?

  package init(path: String, runName: String) {
    self.path = path
    self.runName = runName
  }

  /// Whether `database` (with these tables) is a trackio project database.
  package static func isTrackio(_ database: SQLiteDatabase, tables: Set<String>) -> Bool {
    guard tables.contains("metrics"),
      let columns = try? database.columnNames(of: "metrics")
    else { return false }
    return Set(columns).isSuperset(of: ["run_name", "step", "metrics"])
  }

  /// The runs of a trackio database, in the order they first logged.
  package static func runNames(in database: SQLiteDatabase) throws(SQLiteDatabase.Failure)
    -> [String]
  {
    try database.rows("SELECT run_name FROM metrics GROUP BY run_name ORDER BY min(id)")
      .compactMap { $0.first?.text }
  }

  package mutating func poll() -> PolledLogOutcome {
    var outcome = PolledLogOutcome()
    var issues: [LogItem] = []
    var taken = 0
    do {
      let database = try connection()
      if !reportedConfiguration {
        reportedConfiguration = true
        outcome.items.append(.configuration(try configuration(in: database)))
      }
      let highest = try database.rows("SELECT max(id) FROM metrics").first?.first?.integer ?? 0
      if highest < lastID {
        outcome.restarted = true
        lastID = 0
        assembler = MetricRowAssembler()
      }
      let path = self.path
      try database.query(
        """
        SELECT id, step, metrics, timestamp FROM metrics WHERE run_name = ?1 AND id > ?2
        ORDER BY id
        """,
        [.text(runName), .integer(lastID)]
      ) { row in
        let id = row[0].integer ?? 0
        lastID = max(lastID, id)
        taken += 1
        let step = row[1].integer.map { Int($0) }
        do {
          let object = try JSONValue.parse(row[2].text ?? "{}")
          guard case .object(let members) = object else {
            throw JSONSyntaxError(column: 1, message: "not a JSON object")
          }
          var values: [String: Double] = [:]
          for (key, value) in members {
            if let number = value.doubleValue { values[key] = number }
          }
          let time = (row[3].text).flatMap(ISOTimestamp.seconds)
          assembler.take(step: step, values: values, time: time, into: &outcome.items)
        } catch {
          issues.append(
            .issue(
              LogIssue(
                path: path, field: "metrics", message: "row id \(id): \(error)")))
        }
      }
      reportedFailure = nil
    } catch {
      // A damaged database: the rows read before the damage were taken; say where reading stopped.
      database = nil
      if reportedFailure != error.message {
        reportedFailure = error.message
        outcome.items.append(
          .issue(
            LogIssue(
              path: path, field: "metrics",
              message: "\(error.message) (reading stopped after row id \(lastID))")))
      }
    }
    outcome.items += issues
    outcome.amountRead = taken
    return outcome
  }

  package mutating func finish() -> [LogItem] {
    var items: [LogItem] = []
    assembler.finish(into: &items)
    return items
  }

  package var pendingEpochs: [EpochRecord] { assembler.pendingEpochs }

  /// The run's configuration from table `configs`, when this trackio version has one.
  private func configuration(in database: SQLiteDatabase) throws(SQLiteDatabase.Failure)
    -> [RunDescription.KeyValue]
  {
    guard try database.tableNames().contains("configs") else { return [] }
    let columns = try database.columnNames(of: "configs")
    guard columns.contains("config"), columns.contains("run_name") else { return [] }
    guard
      let text = try database.rows(
        "SELECT config FROM configs WHERE run_name = ?1 LIMIT 1", [.text(runName)]
      ).first?.first?.text, case .object(let members)? = try? JSONValue.parse(text)
    else { return [] }
    return members.compactMap { key, value in
      switch value {
      case .number(let number): RunDescription.KeyValue(key, JSONText.number(number))
      case .string(let string): RunDescription.KeyValue(key, string)
      case .bool(let flag): RunDescription.KeyValue(key, flag ? "true" : "false")
      default: nil
      }
    }
  }

  private mutating func connection() throws(SQLiteDatabase.Failure) -> SQLiteDatabase {
    if let database { return database }
    let opened = try SQLiteDatabase(path: path)
    database = opened
    return opened
  }
}
