// fuzz-modules: DLTopEngine
// Data-set CSV files (`dltop train --data f.csv`): header, delimiter detection, quoted cells, labels;
// strict and with --skip-bad-rows.
import DLTopEngine

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  _ = try? CSVLoader.parse(bytes, path: "fuzz.csv")
  _ = try? CSVLoader.parse(bytes, path: "fuzz.csv", options: CSVOptions(skipBadRows: true))
  return 0
}
