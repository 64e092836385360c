import DLTopBenchSupport
import DLTopMonitor
import Foundation

/// Parsing speed of `dltop watch`'s readers on large synthetic logs (the target: at least
/// 100 MB/s): a TensorBoard event file and a Lightning `metrics.csv`, parsed from memory, and the
/// same files written to a temporary folder and read back by `LogFollower` as `dltop watch` does.
enum WatchBench {
  static func measure(megabytes: Int) -> [String: Any] {
    let tensorBoard = WatchBenchmark.tensorBoard(megabytes: megabytes)
    let csv = WatchBenchmark.lightningCSV(megabytes: megabytes)
    var report: [String: Any] = [
      "megabytes": megabytes,
      "tensorboard_mb_per_s": tensorBoard.megabytesPerSecond,
      "tensorboard_mb_per_cpu_s": tensorBoard.megabytesPerCPUSecond,
      "csv_mb_per_s": csv.megabytesPerSecond,
      "csv_mb_per_cpu_s": csv.megabytesPerCPUSecond,
      "tensorboard_steps": tensorBoard.steps,
      "csv_steps": csv.steps,
    ]
    let folder = NSTemporaryDirectory() + "dltop-bench-watch-\(getpid())"
    defer { try? FileManager.default.removeItem(atPath: folder) }
    do {
      let paths = try WatchBenchmark.writeSyntheticLogs(into: folder, megabytes: megabytes)
      for (key, path) in zip(["tensorboard", "csv"], paths) {
        guard let result = WatchBenchmark.follow(path: path) else {
          report["follow_\(key)_error"] = "format of \(path) not detected"
          continue
        }
        report["follow_\(key)_mb_per_s"] = result.megabytesPerSecond
        report["follow_\(key)_mb_per_cpu_s"] = result.megabytesPerCPUSecond
      }
    } catch {
      report["follow_error"] = "\(error)"
    }
    return report
  }
}
