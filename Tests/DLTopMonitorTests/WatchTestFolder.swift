import Foundation

/// A fresh temporary folder for one test, removed when the test ends.
final class WatchTestFolder {
  let path: String

  init() {
    path = NSTemporaryDirectory() + "dltop-watch-" + UUID().uuidString
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }

  /// Copies a fixture file or folder to `relative` inside this folder.
  func copyFixture(_ fixture: String, to relative: String) {
    let target = path + "/" + relative
    try? FileManager.default.createDirectory(
      atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try? FileManager.default.copyItem(atPath: WatchFixtures.path(fixture), toPath: target)
  }

  /// Writes `bytes` to `relative` in place (same inode when the file exists: truncate, then write).
  func write(_ bytes: [UInt8], to relative: String) {
    let target = path + "/" + relative
    try? FileManager.default.createDirectory(
      atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    guard let handle = FileHandle(forWritingAtPath: target) else {
      FileManager.default.createFile(atPath: target, contents: Data(bytes))
      return
    }
    try? handle.truncate(atOffset: 0)
    handle.write(Data(bytes))
    try? handle.close()
  }

  /// Replaces `relative` by a new file (a new inode) holding `bytes`, the way log rotation does.
  func replace(_ relative: String, with bytes: [UInt8]) {
    let target = path + "/" + relative
    let temporary = target + ".new"
    FileManager.default.createFile(atPath: temporary, contents: Data(bytes))
    _ = rename(temporary, target)
  }

  /// Appends `bytes` to `relative` (which must exist).
  func append(_ bytes: ArraySlice<UInt8>, to relative: String) {
    guard let handle = FileHandle(forWritingAtPath: path + "/" + relative) else { return }
    handle.seekToEndOfFile()
    handle.write(Data(bytes))
    try? handle.close()
  }
}

/// Chunk sizes that cut records at many different places: 1, 2, 3, 5, 8, … bytes, cycling.
func awkwardChunks(of count: Int) -> [Range<Int>] {
  let sizes = [1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 7, 700]
  var ranges: [Range<Int>] = []
  var start = 0
  var index = 0
  while start < count {
    let end = min(count, start + sizes[index % sizes.count])
    ranges.append(start..<end)
    start = end
    index += 1
  }
  return ranges
}
