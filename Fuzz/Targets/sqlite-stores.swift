// fuzz-modules: DLTopMonitor
// SQLite stores as `dltop watch` reads them (through the system libsqlite3, read-only): MLflow's
// `mlflow.db` and a trackio project database, damaged or not; every run each lists is polled.
import DLTopMonitor
import Foundation

/// In memory (/dev/shm) when there is one: a disk would make every input wait for I/O.
private let path =
  (FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm/" : NSTemporaryDirectory())
  + "dltop-fuzz-\(getpid())-store.db"

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  _ = FileManager.default.createFile(atPath: path, contents: Data(bytes: data, count: size))
  if let database = try? SQLiteDatabase(path: path) {
    for run in (try? MLflowSQLiteSource.runIDs(in: database)) ?? [] {
      var source = MLflowSQLiteSource(path: path, runID: run)
      _ = source.poll()
      _ = source.finish()
    }
    for run in (try? TrackioSource.runNames(in: database)) ?? [] {
      var source = TrackioSource(path: path, runName: run)
      _ = source.poll()
      _ = source.finish()
    }
  }
  var mlflow = MLflowSQLiteSource(path: path, runID: "0")
  _ = mlflow.poll()
  var trackio = TrackioSource(path: path, runName: "run")
  _ = trackio.poll()
  unlink(path)
  return 0
}
