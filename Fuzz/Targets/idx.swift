// fuzz-modules: DLTopEngine
// IDX image and label files (the MNIST layout) after decompression: magic, dimensions, sizes.
import DLTopEngine

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  _ = try? IDXLoader.images(fromBytes: bytes, path: "fuzz-images-idx3-ubyte")
  _ = try? IDXLoader.labels(fromBytes: bytes, path: "fuzz-labels-idx1-ubyte", classCount: 10)
  return 0
}
