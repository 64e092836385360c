// fuzz-modules: DLTopMonitor
// dltop's own run log (run.jsonl, as `dltop watch` reads them: fed in two pieces (the first byte picks the cut), since a
// followed log arrives in pieces, then as `dltop diagnose` reads them, whole.
import DLTopMonitor

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  let cut = bytes.isEmpty ? 0 : Int(bytes[0]) % (bytes.count + 1)
  var parser = FormatDetector.makeParser(
    for: .dltopRunLog, path: " a header line, epoch, batch and event lines):run.jsonl")
  _ = parser.feed(bytes[..<cut])
  _ = parser.feed(bytes[cut...])
  _ = parser.finish()
  _ = LogFileReader.parse(
    bytes: bytes[...], path: " a header line, epoch, batch and event lines):run.jsonl",
    format: .dltopRunLog)
  _ = FormatDetector.detect(
    path: " a header line, epoch, batch and event lines):run.jsonl",
    head: bytes.prefix(FormatDetector.headLength))
  return 0
}
