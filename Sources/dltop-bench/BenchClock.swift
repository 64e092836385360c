import Foundation

/// Wall-clock and CPU-time helpers shared by the sections.
///
/// Every section reports CPU seconds next to wall seconds: on a shared, loaded machine the wall
/// clock mostly shows waiting for a core, the CPU time what the work itself costs.
enum BenchClock {
  /// One timed piece of work.
  struct Timing {
    var wallSeconds: Double
    /// CPU seconds of the whole process (all threads) over the same interval.
    var cpuSeconds: Double
  }

  /// Runs `work` once and times it.
  static func time<T>(_ work: () throws -> T) rethrows -> (value: T, timing: Timing) {
    let clock = ContinuousClock()
    let started = clock.now
    let cpuStarted = processCPUSeconds()
    let value = try work()
    let timing = Timing(
      wallSeconds: seconds(started.duration(to: clock.now)),
      cpuSeconds: processCPUSeconds() - cpuStarted)
    return (value, timing)
  }

  static func seconds(_ duration: Duration) -> Double {
    (duration / .seconds(1))
  }

  /// CPU time of the whole process so far. The corresponding POSIX call is `clock_gettime`.
  static func processCPUSeconds() -> Double { cpuSeconds(CLOCK_PROCESS_CPUTIME_ID) }

  /// CPU time of the calling thread so far.
  static func threadCPUSeconds() -> Double { cpuSeconds(CLOCK_THREAD_CPUTIME_ID) }

  private static func cpuSeconds(_ clockID: clockid_t) -> Double {
    var time = timespec()
    clock_gettime(clockID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
  }

  /// The middle value (the upper middle for an even count); NaN when empty.
  static func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.isEmpty ? .nan : sorted[sorted.count / 2]
  }

  /// The 1-minute load average from /proc/loadavg, or nil where there is none.
  static func loadAverage() -> Double? {
    (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))
      .flatMap { $0.split(separator: " ").first }.flatMap { Double($0) }
  }
}
