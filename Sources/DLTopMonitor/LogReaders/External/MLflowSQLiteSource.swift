/// Reads one run of MLflow's SQLite store (`mlflow.db`, `--backend-store-uri sqlite:///mlflow.db`).
///
/// Values come from table `metrics` (`key`, `value`, `timestamp`, `step`, `run_uuid`, `is_nan`):
/// MLflow stores a NaN as `value = 0, is_nan = 1`, and reads it back as NaN, as this does. Each
/// poll reads only rows past the last `rowid` seen, grouped by step into rows of a
/// `MetricRowAssembler` (MLflow's `step` is the epoch unless the run logs an `epoch` metric).
/// `params` become the configuration. The database is opened read-only (`SQLiteDatabase`).
package struct MLflowSQLiteSource: PolledLogSource {
  package let format = LogFormat.mlflowSQLite
  package let path: String
  package let runID: String

  private var database: SQLiteDatabase?
  private var lastRowID: Int64 = 0
  private var assembler = MetricRowAssembler()
  private var reportedParameters = false
  private var reportedFailure: String?

  package init(path: String, runID: String) {
    self.path = path
    self.runID = runID
  }

  /// Whether a database with these tables is MLflow's.
  package static func isMLflow(tables: Set<String>) -> Bool {
    tables.isSuperset(of: ["metrics", "runs", "experiments", "params"])
  }

  /// The active runs of an MLflow database, oldest first.
  package static func runIDs(in database: SQLiteDatabase) throws(SQLiteDatabase.Failure) -> [String]
  {
    try database.rows(
      "SELECT run_uuid FROM runs WHERE lifecycle_stage IS NOT 'deleted' ORDER BY start_time, run_uuid"
    ).compactMap { $0.first?.text }
  }

  package mutating func poll() -> PolledLogOutcome {
    var outcome = PolledLogOutcome()
    var rows: [(step: Int, key: String, value: Double, time: Double)] = []
    do {
      let database = try connection()
      if !reportedParameters {
        reportedParameters = true
        var pairs = try database.rows(
          "SELECT key, value FROM params WHERE run_uuid = ?1 ORDER BY key", [.text(runID)]
        ).map { RunDescription.KeyValue($0[0].text ?? "", $0[1].text ?? "") }
        if let name = try database.rows(
          "SELECT name FROM runs WHERE run_uuid = ?1", [.text(runID)]
        ).first?.first?.text {
          pairs.insert(RunDescription.KeyValue("run_name", name), at: 0)
        }
        outcome.items.append(.configuration(pairs))
      }
      let highest = try database.rows("SELECT max(rowid) FROM metrics").first?.first?.integer ?? 0
      if highest < lastRowID {
        outcome.restarted = true
        lastRowID = 0
        assembler = MetricRowAssembler()
      }
      try database.query(
        """
        SELECT rowid, key, value, timestamp, step, is_nan FROM metrics
        WHERE run_uuid = ?1 AND rowid > ?2 ORDER BY rowid
        """, [.text(runID), .integer(lastRowID)]
      ) { row in
        lastRowID = max(lastRowID, row[0].integer ?? 0)
        let isNaN = (row[5].integer ?? 0) != 0
        let value = isNaN ? Double.nan : row[2].number ?? .nan
        let time = (row[3].number ?? 0) / 1000
        rows.append((Int(row[4].integer ?? 0), row[1].text ?? "", value, time))
      }
      take(rows, into: &outcome)
      reportedFailure = nil
    } catch {
      // A damaged database: keep every row read before the damage, and say where reading stopped.
      take(rows, into: &outcome)
      database = nil
      let message = "\(error.message) (reading stopped after row id \(lastRowID))"
      if reportedFailure != error.message {
        reportedFailure = error.message
        outcome.items.append(.issue(LogIssue(path: path, field: "metrics", message: message)))
      }
    }
    return outcome
  }

  /// Groups new rows by step into rows of the assembler.
  private mutating func take(
    _ rows: [(step: Int, key: String, value: Double, time: Double)],
    into outcome: inout PolledLogOutcome
  ) {
    outcome.amountRead += rows.count
    let byStep = Dictionary(grouping: rows, by: \.step)
    for step in byStep.keys.sorted() {
      let entries = byStep[step] ?? []
      var metrics: [String: Double] = [:]
      for entry in entries { metrics[entry.key] = entry.value }
      assembler.take(
        step: step, values: metrics, time: entries.map(\.time).max(), into: &outcome.items)
    }
  }

  package mutating func finish() -> [LogItem] {
    var items: [LogItem] = []
    assembler.finish(into: &items)
    return items
  }

  package var pendingEpochs: [EpochRecord] { assembler.pendingEpochs }

  private mutating func connection() throws(SQLiteDatabase.Failure) -> SQLiteDatabase {
    if let database { return database }
    let opened = try SQLiteDatabase(path: path)
    database = opened
    return opened
  }
}
