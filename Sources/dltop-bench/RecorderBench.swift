import DLTopBenchSupport
import DLTopMonitor
import Foundation

/// The run recorder's cost per epoch as a run grows (issue 10's goal: the same at 1,000 and at
/// 100,000 recorded epochs, within noise), and `dltop diagnose`'s time and peak memory on a large
/// dltop run log (goal: ≤ 2 s and ≤ 100 MB for 200 MB).
enum RecorderBench {
  /// Per-epoch cost of `RunRecorder.record(epoch:)` (diagnosis, timeline, early stopping,
  /// snapshot published into an `EngineLink`): two runs of the same shape (overfitting after a
  /// third), one of 1,000 and one of `total` epochs, each timed over `window` more epochs at its
  /// end. Mean and slowest epoch of the window.
  static func epochCost(total: Int, window: Int = 200) -> [String: Any] {
    var figures: [String: Any] = ["window_epochs": window]
    var means: [Int: Double] = [:]
    for length in [1_000, total] {
      let history = SyntheticHistory.make(.overfitting, epochs: length + window)
      let link = EngineLink(run: RunDescription(name: "bench", source: "bench", controllable: true))
      var options = RunRecorder.Options()
      options.earlyStoppingEnabled = false
      let recorder = RunRecorder(run: link.latest().run, options: options, link: link)
      for record in history[..<length] { recorder.record(epoch: record) }
      var costs: [Double] = []
      for record in history[length...] {
        let (_, timing) = BenchClock.time { recorder.record(epoch: record) }
        costs.append(timing.wallSeconds * 1e6)
      }
      let key = length >= 1_000 ? "\(length / 1_000)k" : "\(length)"
      means[length] = costs.reduce(0, +) / Double(costs.count)
      figures["epoch_cost_at_\(key)_mean_us"] = means[length]
      figures["epoch_cost_at_\(key)_slowest_us"] = costs.max() ?? .nan
      figures["history_kept_at_\(key)"] = recorder.epochs.count
      figures["verdict_at_\(key)"] = recorder.verdict.rawValue
    }
    figures["epoch_cost_ratio_\(total / 1_000)k_vs_1k"] =
      (means[total] ?? .nan) / (means[1_000] ?? .nan)
    return figures
  }

  /// Writes a dltop run log of about `megabytes` MB (epochs of 200 sampled batch lines each, with
  /// a confusion matrix), then times `LogReplay.diagnose` on it and reads the peak resident memory.
  static func diagnose(megabytes: Int) -> [String: Any] {
    let path = NSTemporaryDirectory() + "dltop-bench-\(UUID().uuidString).jsonl"
    defer { try? FileManager.default.removeItem(atPath: path) }
    let epochs = writeLog(path: path, megabytes: megabytes)
    let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    // In a child process (this executable with `--replay PATH`), so the peak resident memory is
    // the replay's alone, not what earlier sections left in this process.
    let process = Process()
    process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
    process.arguments = ["--replay", path]
    let output = Pipe()
    process.standardOutput = output
    let started = ContinuousClock.now
    do { try process.run() } catch { return ["error": "\(error)"] }
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    let seconds = (ContinuousClock.now - started) / .seconds(1)
    var usage = rusage()
    getrusage(RUSAGE_CHILDREN.rawValue, &usage)
    let fields = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
    return [
      "log_megabytes": Double(size) / 1e6,
      "log_epochs": epochs,
      "diagnose_seconds_with_process_start": seconds,
      "diagnose_seconds": Double(fields.first ?? "") ?? .nan,
      "diagnose_megabytes_per_second": Double(size) / 1e6 / (Double(fields.first ?? "") ?? .nan),
      "diagnose_peak_resident_mb": Double(usage.ru_maxrss) / 1024,
      "verdict": fields.count > 1 ? fields[1] : "failed",
      "epochs_read": fields.count > 2 ? Int(fields[2]) ?? 0 : 0,
    ]
  }

  /// The child's side: replays `path` and prints "seconds verdict epochs".
  static func replayChild(path: String) -> Never {
    let (report, timing) = BenchClock.time { try? LogReplay.diagnose(path: path, options: .init()) }
    print("\(timing.wallSeconds) \(report?.verdict.rawValue ?? "failed") \(report?.epochs ?? 0)")
    exit(report == nil ? 1 : 0)
  }

  private static func writeLog(path: String, megabytes: Int) -> Int {
    FileManager.default.createFile(atPath: path, contents: nil)
    guard let handle = FileHandle(forWritingAtPath: path) else { return 0 }
    defer { try? handle.close() }
    var written = 0
    var chunk =
      #"{"type":"header","version":1,"config":{"name":"bench"},"classes":["a","b","c"]}"# + "\n"
    var epoch = 0
    var step = 0
    while written < megabytes * 1_000_000 {
      epoch += 1
      let t = Double(epoch)
      for _ in 0..<200 {
        step += 1
        chunk +=
          #"{"type":"batch","step":\#(step),"epoch":\#(epoch),"loss":\#(1 / t + 0.01),"lr":0.001,"accuracy":0.9}"#
          + "\n"
      }
      chunk +=
        #"{"type":"confusion","epoch":\#(epoch),"counts":[[90,5,5],[4,92,4],[6,3,91]]}"# + "\n"
      let val = 1 / t + 0.2 + (t > 300 ? (t - 300) * 1e-4 : 0)
      chunk +=
        #"{"type":"epoch","epoch":\#(epoch),"metrics":{"loss":\#(1 / t),"accuracy":\#(1 - 0.5 / t),"val_loss":\#(val),"val_accuracy":\#(0.8),"lr":0.001},"seconds":1}"#
        + "\n"
      if chunk.utf8.count > 1 << 20 {
        handle.write(Data(chunk.utf8))
        written += chunk.utf8.count
        chunk = ""
      }
    }
    handle.write(Data(chunk.utf8))
    return epoch
  }
}
