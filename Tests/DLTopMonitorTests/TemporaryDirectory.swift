import Foundation

/// A fresh folder under the system temporary directory, removed by `remove()`.
struct TemporaryDirectory {
  let path: String

  init() {
    path = NSTemporaryDirectory() + "dltop-tests-\(UUID().uuidString)"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

  func contents(_ name: String) -> String? {
    FileManager.default.contents(atPath: file(name)).map { String(decoding: $0, as: UTF8.self) }
  }

  func remove() {
    chmod(path, 0o755)
    try? FileManager.default.removeItem(atPath: path)
  }
}
