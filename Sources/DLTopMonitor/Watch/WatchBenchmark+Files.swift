import Foundation

extension WatchBenchmark {
  /// Writes the synthetic logs (about `megabytes` MB each) into `folder`:
  /// `run/train/events.out.tfevents.bench` and `lightning/metrics.csv`.
  /// - Returns: their paths.
  package static func writeSyntheticLogs(into folder: String, megabytes: Int = 100) throws
    -> [String]
  {
    let events = folder + "/run/train/events.out.tfevents.bench"
    let metrics = folder + "/lightning/metrics.csv"
    for (path, bytes) in [
      (events, syntheticEventFile(bytes: megabytes * 1_000_000)),
      (metrics, syntheticMetricsCSV(bytes: megabytes * 1_000_000)),
    ] {
      try FileManager.default.createDirectory(
        atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try Data(bytes).write(to: URL(fileURLWithPath: path))
    }
    return [events, metrics]
  }

  /// Reads the file at `path` from disk with a `LogFollower`, as `dltop watch` does on its first
  /// poll (1 MB reads, up to 64 MB per poll, polling until the file is consumed).
  package static func follow(path: String) -> Result? {
    guard let format = FormatDetector.detect(path: path) else { return nil }
    let follower = LogFollower(path: path, format: format)
    var epochs = 0
    var steps = 0
    var bytes = 0
    let clock = ContinuousClock()
    let start = clock.now
    let cpuStart = threadCPUSeconds()
    while true {
      let poll = follower.poll { count($0, &epochs, &steps) }
      bytes += poll.bytesRead
      if poll.bytesRead == 0 { break }
    }
    count(follower.finish(), &epochs, &steps)
    let cpuSeconds = threadCPUSeconds() - cpuStart
    let elapsed = clock.now - start
    let seconds =
      (elapsed / .seconds(1))
    return Result(
      label: "follow \(format.rawValue)", bytes: bytes, seconds: seconds, cpuSeconds: cpuSeconds,
      epochs: epochs, steps: steps)
  }
}
