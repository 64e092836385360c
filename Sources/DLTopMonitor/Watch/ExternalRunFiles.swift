import Foundation

/// Recognizes the files of loggers whose runs are not one growing file each: a Hugging Face
/// `trainer_state.json` stands for its output folder, and a SQLite database holds many runs
/// (MLflow's `mlflow.db`, a trackio project database), each a `LogDiscovery.File` with a `runKey`.
package enum ExternalRunFiles {
  /// The run files that the file `name` at `path` stands for; nil when it is not such a file.
  /// - Parameter named: the user named the file itself, so any SQLite database is looked into,
  ///   whatever its extension.
  package static func files(named name: String, at path: String, named: Bool = false)
    -> [LogDiscovery.File]?
  {
    if name == HuggingFaceTrainerStateSource.fileName {
      return [
        LogDiscovery.File(
          path: HuggingFaceTrainerStateSource.outputFolder(of: path), format: .huggingFace)
      ]
    }
    let lower = name.lowercased()
    let databaseName =
      lower.hasSuffix(".db") || lower.hasSuffix(".sqlite") || lower.hasSuffix(".sqlite3")
    guard databaseName || (named && hasSQLiteHeader(path)) else { return nil }
    return databaseRuns(at: path)
  }

  /// The runs inside the SQLite database at `path`: MLflow's (by run id) or trackio's (by run name);
  /// none for another database.
  package static func databaseRuns(at path: String) -> [LogDiscovery.File] {
    guard let database = try? SQLiteDatabase(path: path), let tables = try? database.tableNames()
    else {
      return []
    }
    if MLflowSQLiteSource.isMLflow(tables: tables) {
      let ids = (try? MLflowSQLiteSource.runIDs(in: database)) ?? []
      return ids.map { LogDiscovery.File(path: path, format: .mlflowSQLite, runKey: $0) }
    }
    if TrackioSource.isTrackio(database, tables: tables) {
      let names = (try? TrackioSource.runNames(in: database)) ?? []
      return names.map { LogDiscovery.File(path: path, format: .trackio, runKey: $0) }
    }
    return []
  }

  private static func hasSQLiteHeader(_ path: String) -> Bool {
    guard let handle = FileHandle(forReadingAtPath: path) else { return false }
    defer { try? handle.close() }
    let head = (try? handle.read(upToCount: 16)) ?? Data()
    return head.elementsEqual(Array("SQLite format 3\0".utf8))
  }
}
