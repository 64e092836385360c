import DLTopEngine

/// How long the engine takes to load all 70,000 Fashion-MNIST images and labels (gzip IDX,
/// decompressed and converted to `Float`); the target is under a second.
enum DataBench {
  /// Times `DatasetCatalog.loadFashionMNIST()` `repeats` more times after the load in `data`
  /// (which read the files from a possibly cold page cache) and reports the fastest.
  static func measure(data: BenchData, repeats: Int) -> [String: Any] {
    guard let first = data.loadTiming else {
      return ["source": data.source, "error": data.loadError ?? "not loaded"]
    }
    var timings = [first]
    for _ in 0..<repeats {
      guard let timing = try? BenchClock.time({ try DatasetCatalog.loadFashionMNIST() }).timing
      else { break }
      timings.append(timing)
    }
    let best = timings.min { $0.wallSeconds < $1.wallSeconds } ?? first
    return [
      "source": data.source,
      "samples": 70_000,
      "load_70k_s": best.wallSeconds,
      "load_70k_cpu_s": best.cpuSeconds,
      "load_70k_runs_s": timings.map(\.wallSeconds),
      "load_70k_first_s": first.wallSeconds,
    ]
  }
}
