import Foundation
import Testing

/// Compares `lines` with `Snapshots/<test name>.txt` next to this file; with `RECORD_SNAPSHOTS=1`
/// in the environment it writes the file instead (argument-parser's `assertSnapshot`).
func assertSnapshot(
  _ lines: [String], named name: String = #function, filePath: String = #filePath,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  let test = name.replacingOccurrences(of: "()", with: "")
  let folder = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent(
    "Snapshots")
  let file = folder.appendingPathComponent(test + ".txt")
  let actual = lines.joined(separator: "\n") + "\n"
  if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil {
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    do {
      try actual.write(to: file, atomically: true, encoding: .utf8)
    } catch {
      Issue.record("cannot record \(file.path): \(error)", sourceLocation: sourceLocation)
    }
    return
  }
  guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
    Issue.record(
      "no golden file \(file.path); run with RECORD_SNAPSHOTS=1", sourceLocation: sourceLocation)
    return
  }
  guard expected != actual else { return }
  let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
  let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
  var report = "screen differs from \(file.lastPathComponent):\n"
  for index in 0..<max(expectedLines.count, actualLines.count) {
    let e = index < expectedLines.count ? String(expectedLines[index]) : "<none>"
    let a = index < actualLines.count ? String(actualLines[index]) : "<none>"
    if e != a { report += "line \(index + 1)\n  expected: \(e)\n  actual:   \(a)\n" }
  }
  Issue.record(Comment(rawValue: report), sourceLocation: sourceLocation)
}
