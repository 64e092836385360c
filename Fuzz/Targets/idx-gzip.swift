// fuzz-modules: DLTopEngine
// gzip-compressed IDX files as `--data FOLDER` reads them (through zlib, from a file), truncated
// and corrupted streams included; memory must follow the bytes that arrive, not the claimed size.
import DLTopEngine
import Foundation

/// In memory (/dev/shm) when there is one: a disk would make every input wait for I/O.
private let path =
  (FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm/" : NSTemporaryDirectory())
  + "dltop-fuzz-\(getpid())-images-idx3-ubyte.gz"

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let file = fopen(path, "wb")!
  fwrite(data, 1, size, file)
  fclose(file)
  if let bytes = try? IDXLoader.readAllBytes(path: path) {
    _ = try? IDXLoader.images(fromBytes: bytes, path: path)
    _ = try? IDXLoader.labels(fromBytes: bytes, path: path)
  }
  unlink(path)
  return 0
}
