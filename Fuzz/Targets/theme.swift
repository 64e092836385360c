// fuzz-modules: DLTopMonitor DLTopTUI
// Theme files (btop's grammar: theme[key]="#rrggbb" lines and # comments), as --theme FILE reads them.
import DLTopTUI

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  _ = ThemeLoader.parse(text, path: "fuzz.theme", name: "fuzz")
  return 0
}
