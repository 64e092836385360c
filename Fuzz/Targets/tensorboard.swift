// fuzz-modules: DLTopMonitor
// TensorBoard event files (TFRecord framing with masked CRC-32C, Event protos), as `dltop watch` reads them: fed in two pieces (the first byte picks the cut), since a
// followed log arrives in pieces, then as `dltop diagnose` reads them, whole.
import DLTopMonitor

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  let cut = bytes.isEmpty ? 0 : Int(bytes[0]) % (bytes.count + 1)
  var parser = FormatDetector.makeParser(for: .tensorBoard, path: "train/events.out.tfevents.0")
  _ = parser.feed(bytes[..<cut])
  _ = parser.feed(bytes[cut...])
  _ = parser.finish()
  _ = LogFileReader.parse(
    bytes: bytes[...], path: "train/events.out.tfevents.0", format: .tensorBoard)
  _ = FormatDetector.detect(
    path: "train/events.out.tfevents.0", head: bytes.prefix(FormatDetector.headLength))
  return 0
}
