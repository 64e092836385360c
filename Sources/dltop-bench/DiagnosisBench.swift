import DLTopBenchSupport
import DLTopMonitor

/// How long `Diagnoser` takes over a long history (the target: under 10 ms for 10,000
/// epochs), the median of several runs after one untimed warm-up.
enum DiagnosisBench {
  static func measure(epochs: Int = 10_000, runs: Int) -> [String: Any] {
    let history = SyntheticHistory.make(.overfitting, epochs: epochs)
    let diagnoser = Diagnoser()
    var diagnosis = diagnoser.diagnose(history)
    var times: [Double] = []
    var cpuTimes: [Double] = []
    for _ in 0..<max(1, runs) {
      let cpuStarted = BenchClock.threadCPUSeconds()
      let (result, timing) = BenchClock.time { diagnoser.diagnose(history) }
      cpuTimes.append((BenchClock.threadCPUSeconds() - cpuStarted) * 1000)
      diagnosis = result
      times.append(timing.wallSeconds * 1000)
    }
    return [
      "epochs_10k_ms": BenchClock.median(times),
      "epochs_10k_cpu_ms": BenchClock.median(cpuTimes),
      "epochs_10k_fastest_ms": times.min() ?? .nan,
      "epochs_10k_slowest_ms": times.max() ?? .nan,
      "runs": times.count,
      "history_epochs": epochs,
      "verdict": diagnosis.label.rawValue,
    ]
  }
}
