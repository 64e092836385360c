// fuzz-modules: DLTopMonitor
// Hugging Face `trainer_state.json` (`log_history` train and `eval_*` entries), as `dltop watch`
// reads a Trainer output folder.
import DLTopMonitor
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  _ = HuggingFaceTrainerStateSource.parse(
    Data(bytes: data, count: size), path: "trainer_state.json")
  return 0
}
