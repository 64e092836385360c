// fuzz-modules: DLTopMonitor
// PyTorch Lightning CSVLogger metrics.csv (rows keyed by step and epoch), as `dltop watch` reads them: fed in two pieces (the first byte picks the cut), since a
// followed log arrives in pieces, then as `dltop diagnose` reads them, whole.
import DLTopMonitor

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  let cut = bytes.isEmpty ? 0 : Int(bytes[0]) % (bytes.count + 1)
  var parser = FormatDetector.makeParser(for: .lightningCSV, path: "metrics.csv")
  _ = parser.feed(bytes[..<cut])
  _ = parser.feed(bytes[cut...])
  _ = parser.finish()
  _ = LogFileReader.parse(bytes: bytes[...], path: "metrics.csv", format: .lightningCSV)
  _ = FormatDetector.detect(path: "metrics.csv", head: bytes.prefix(FormatDetector.headLength))
  return 0
}
