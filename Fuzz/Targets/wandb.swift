// fuzz-modules: DLTopMonitor
// W&B offline runs (`run-*.wandb`): LevelDB-log blocks with a CRC-32 per record and protobuf
// `Record`s, parsed whole as `dltop watch` and `dltop diagnose` read them, and one record's bytes
// decoded directly (the protobuf decoder behind the framing).
import DLTopMonitor
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  _ = WandbParser.parse(Data(bytes), path: "fuzz.wandb")
  _ = try? WandbRecordDecoder.decode(bytes[...])
  return 0
}
