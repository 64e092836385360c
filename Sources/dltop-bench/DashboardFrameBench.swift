import DLTopBenchSupport
import DLTopTUI

/// Frame time of the whole dashboard at 200×60 over a run with 1,000,000 batches of history (the
/// issue's target: under 5 ms), render plus screen diff; the terminal write is not included.
enum DashboardFrameBench {
  @MainActor
  static func measure(frames: Int) -> [String: Any] {
    let (snapshot, built) = BenchClock.time {
      DashboardBenchmark.syntheticSnapshot(batches: 1_000_000)
    }
    let times = DashboardBenchmark.benchmarkFrame(
      snapshot: snapshot, size: (width: 200, height: 60), frames: frames)
    return [
      "frame_ms_200x60_1m_batches": times.median * 1000,
      "frame_slowest_ms_200x60_1m_batches": times.slowest * 1000,
      "frames": frames,
      "snapshot_build_s": built.wallSeconds,
    ]
  }
}
