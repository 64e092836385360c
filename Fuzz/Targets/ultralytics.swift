// fuzz-modules: DLTopMonitor
// Ultralytics `results.csv` (space-padded headers, repeated epochs after a resume).
import DLTopMonitor
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  _ = UltralyticsCSVParser.parse(Data(bytes: data, count: size), path: "results.csv")
  return 0
}
