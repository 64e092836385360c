// fuzz-modules: DLTopMonitor
// MLflow's file store: a metric file (`mlruns/<experiment>/<run>/metrics/<key>`, lines of
// "timestamp value step") read by polling, as `dltop watch` follows it — first the first half of
// the bytes, then the rest (the first byte picks the cut), as a run appends.
import DLTopMonitor
import Foundation

/// In memory (/dev/shm) when there is one: a disk would make every input wait for I/O.
private let run =
  (FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm/" : NSTemporaryDirectory())
  + "dltop-fuzz-\(getpid())-mlflow-run"

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let bytes = Data(bytes: data, count: size)
  let cut = bytes.isEmpty ? 0 : Int(bytes[bytes.startIndex]) % (size + 1)
  let metric = run + "/metrics/loss"
  try? FileManager.default.createDirectory(
    atPath: run + "/metrics", withIntermediateDirectories: true)
  _ = FileManager.default.createFile(atPath: metric, contents: bytes.prefix(cut))
  var source = MLflowFileStoreSource(runFolder: run)
  _ = source.poll()
  _ = FileManager.default.createFile(atPath: metric, contents: bytes)
  _ = source.poll()
  _ = source.finish()
  try? FileManager.default.removeItem(atPath: run)
  return 0
}
