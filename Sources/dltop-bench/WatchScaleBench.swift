import DLTopBenchSupport
import DLTopMonitor
import DLTopTUI
import Foundation

/// Scale figures of `dltop watch` (issue 12's goals, printed, never asserted): TensorBoard scalar
/// points parsed per second (goal ≥ 10 million/s), time to the first dashboard frame of a
/// 1.5-million-point run (goal ≤ 0.1 s), and the peak memory while following a folder of 200 runs.
///
/// The folder is followed as the dashboard follows it (the selected run first, the others in the
/// background, `dashboardBackgroundBytes` per poll): the first poll's time is the time until the
/// first run is shown; then polls go on until every run is loaded. The eager reading (every run in
/// the first poll, headless mode's way) is measured after it in the same run, as the reference.
enum WatchScaleBench {
  @MainActor
  static func measure(quick: Bool) -> [String: Any] {
    var report: [String: Any] = [:]
    let folder = NSTemporaryDirectory() + "dltop-bench-scale-\(getpid())"
    defer { try? FileManager.default.removeItem(atPath: folder) }
    // First, while the process is small: peak memory of following 200 runs.
    let runs = 200
    let pointsPerRun = quick ? 2_000 : 7_500
    do {
      let before = peakResidentMegabytes()
      let bytes = try WatchBenchmark.writeRunFolder(
        into: folder + "/many", runs: runs, pointsPerRun: pointsPerRun)
      var configuration = WatchSession.Configuration()
      configuration.backgroundBytesPerRound = WatchSession.Configuration.dashboardBackgroundBytes
      let link = WatchSession.makeLink(path: folder + "/many")
      let session = WatchSession(
        path: folder + "/many", link: link, configuration: configuration)
      let (_, listed) = BenchClock.time { LogDiscovery.runs(at: folder + "/many").count }
      var cpuStart = BenchClock.processCPUSeconds()
      let (_, followed) = BenchClock.time { session.pollOnce() }
      report["many_runs_first_poll_cpu_s"] = BenchClock.processCPUSeconds() - cpuStart
      report["many_runs_first_poll_s"] = followed.wallSeconds
      report["many_runs_loaded_after_first_poll"] = session.loadedRunNames.count
      report["many_runs_first_run_epochs"] = link.latest().epochs.count
      report["many_runs_first_poll_peak_rss_mb"] = peakResidentMegabytes()
      // Then the background loads the rest, as the dashboard's timer would.
      cpuStart = BenchClock.processCPUSeconds()
      var polls = 0
      let (_, loaded) = BenchClock.time {
        while session.loadedRunNames.count < runs && polls < 10_000 {
          session.pollOnce(rescan: false)
          polls += 1
        }
      }
      report["many_runs_background_polls"] = polls
      report["many_runs_background_cpu_s"] = BenchClock.processCPUSeconds() - cpuStart
      report["many_runs_background_s"] = loaded.wallSeconds
      report["many_runs_loaded"] = session.loadedRunNames.count
      report["many_runs"] = runs
      report["many_runs_points"] = runs * pointsPerRun
      report["many_runs_megabytes"] = Double(bytes) / 1e6
      report["many_runs_list_s"] = listed.wallSeconds
      report["many_runs_peak_rss_mb"] = peakResidentMegabytes()
      report["many_runs_peak_rss_before_mb"] = before
      report["many_runs_listed"] = session.runNames.count
      // The reference: every run read in the first poll.
      let eager = WatchSession(path: folder + "/many", link: WatchSession.makeLink(path: folder))
      cpuStart = BenchClock.processCPUSeconds()
      eager.pollOnce()
      report["many_runs_eager_first_poll_cpu_s"] = BenchClock.processCPUSeconds() - cpuStart
      report["many_runs_eager_loaded_after_first_poll"] = eager.loadedRunNames.count
    } catch {
      report["many_runs_error"] = "\(error)"
    }
    // Points per second: the event file parsed from memory in 1 MB pieces, with the processor's
    // CRC-32C instruction and, as the reference in the same run, with the table-driven CRC.
    let points = quick ? 300_000 : 1_500_000
    let bytes = WatchBenchmark.eventFile(points: points)
    func parse(_ method: CRC32C.Method) -> BenchClock.Timing {
      var parser = TensorBoardParser(
        path: "bench/train/events.out.tfevents.0", context: .train, checksum: method)
      return BenchClock.time {
        var offset = 0
        while offset < bytes.count {
          let end = min(bytes.count, offset + (1 << 20))
          _ = parser.feed(bytes[offset..<end])
          offset = end
        }
        _ = parser.finish()
      }.timing
    }
    let tableParsed = parse(.table)
    let parsed = parse(.fastest)
    report["tensorboard_points"] = points
    report["tensorboard_points_per_s"] = Double(points) / max(parsed.wallSeconds, 1e-9)
    report["tensorboard_points_per_cpu_s"] = Double(points) / max(parsed.cpuSeconds, 1e-9)
    report["tensorboard_points_per_cpu_s_table_crc"] =
      Double(points) / max(tableParsed.cpuSeconds, 1e-9)
    report["crc32c_hardware"] = CRC32C.hardwareAvailable
    // The checksums alone over the same bytes: gigabytes per CPU-second, both ways.
    for (name, method) in [("table", CRC32C.Method.table), ("fastest", .fastest)] {
      let (_, timing) = BenchClock.time {
        var sum: UInt32 = 0
        for _ in 0..<8 { bytes.withUnsafeBytes { sum ^= CRC32C.checksum($0, method: method) } }
        return sum
      }
      report["crc32c_\(name)_gb_per_cpu_s"] =
        Double(bytes.count * 8) / 1e9 / max(timing.cpuSeconds, 1e-9)
    }
    // Time to first frame: a session on the file, its first poll, one dashboard frame at 200×60.
    do {
      let path = folder + "/big/train/events.out.tfevents.bench"
      try FileManager.default.createDirectory(
        atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try Data(bytes).write(to: URL(fileURLWithPath: path))
      let link = WatchSession.makeLink(path: path)
      let session = WatchSession(path: path, link: link)
      let clock = ContinuousClock()
      let start = clock.now
      let cpuStart = BenchClock.processCPUSeconds()
      session.pollOnce()
      let snapshot = link.latest()
      let dashboard = Dashboard(snapshot: snapshot)
      _ = dashboard.render(snapshot: snapshot, size: (200, 60))
      report["first_frame_s"] = BenchClock.seconds(clock.now - start)
      // CPU of the whole process (the session polls on its own queue): on a loaded machine the
      // wall-clock figure mostly measures waiting for a core.
      report["first_frame_cpu_s"] = BenchClock.processCPUSeconds() - cpuStart
      report["first_frame_points"] = points
      report["first_frame_batches_shown"] = snapshot.batchLoss.count
    } catch {
      report["first_frame_error"] = "\(error)"
    }
    return report
  }

  /// The process's peak resident memory so far (`getrusage`'s `ru_maxrss`, kilobytes on Linux).
  private static func peakResidentMegabytes() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
  }
}
