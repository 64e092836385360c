// fuzz-modules: DLTopMonitor
// The diagnoser on any curves: the first byte picks the class count (0–1: unknown), then every
// 32 bytes are one epoch's loss, val_loss, accuracy and val_accuracy as raw IEEE doubles — huge,
// tiny, negative, NaN and ∞ included — diagnosed after every epoch, as the timeline does. (A loss
// that moved 10¹⁷× its level once trapped in an evidence percentage.)
import DLTopMonitor

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  guard size >= 1 else { return 0 }
  let bytes = UnsafeBufferPointer(start: data, count: size)
  let classCount = Int(bytes[0]) > 1 ? Int(bytes[0]) : nil
  let names = ["loss", "val_loss", "accuracy", "val_accuracy"]
  var records: [EpochRecord] = []
  var offset = 1
  while offset + 32 <= size, records.count < 64 {
    var metrics: [String: Double] = [:]
    for (index, name) in names.enumerated() {
      var bits: UInt64 = 0
      for byte in 0..<8 { bits |= UInt64(bytes[offset + 8 * index + byte]) << (8 * byte) }
      metrics[name] = Double(bitPattern: bits)
    }
    records.append(EpochRecord(epoch: records.count + 1, metrics: metrics))
    offset += 32
  }
  let diagnoser = Diagnoser(options: Diagnoser.Options(classCount: classCount))
  for end in records.indices {
    let diagnosis = diagnoser.diagnose(Array(records[...end]))
    for verdict in diagnosis.verdicts { _ = verdict.evidence + verdict.advice }
  }
  return 0
}
