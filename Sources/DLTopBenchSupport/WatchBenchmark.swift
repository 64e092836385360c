import DLTopMonitor
import Foundation

/// Throughput figures for `dltop-bench`: how fast the watch readers parse a large log.
///
/// The inputs are synthetic but shaped like real logs: an event file as Keras's TensorBoard
/// callback writes it with `update_freq=1` (a `batch_loss` tensor summary per step, `epoch_*`
/// summaries per epoch), and a Lightning `metrics.csv` with step rows and epoch rows. Both are
/// built in memory and fed in 1 MB chunks, as `LogFollower` does, so the figure is parsing speed.
/// Both wall-clock and thread CPU time are reported: on a shared, loaded machine the wall-clock
/// figure mostly measures waiting for a core, the CPU figure what the parser costs.
package enum WatchBenchmark {
  /// One measurement.
  package struct Result: Sendable, CustomStringConvertible {
    package var label: String
    package var bytes: Int
    package var seconds: Double
    /// CPU time of the measuring thread.
    package var cpuSeconds: Double
    package var epochs: Int
    package var steps: Int
    package var megabytesPerSecond: Double { Double(bytes) / 1_000_000 / max(seconds, 1e-9) }
    package var megabytesPerCPUSecond: Double { Double(bytes) / 1_000_000 / max(cpuSeconds, 1e-9) }
    package var description: String {
      func rounded(_ value: Double) -> Double { (value * 10).rounded() / 10 }
      return "\(label): \(bytes / 1_000_000) MB, wall \(rounded(seconds * 1000)) ms = "
        + "\(rounded(megabytesPerSecond)) MB/s, CPU \(rounded(cpuSeconds * 1000)) ms = "
        + "\(rounded(megabytesPerCPUSecond)) MB/s (\(epochs) epochs, \(steps) steps)"
    }
  }

  /// Parses a synthetic event file of about `megabytes` MB.
  package static func tensorBoard(megabytes: Int = 100) -> Result {
    let bytes = syntheticEventFile(bytes: megabytes * 1_000_000)
    return measure("tensorboard", bytes) {
      TensorBoardParser(path: "bench/train/events.out.tfevents.0", context: .train)
    }
  }

  /// Parses a synthetic Lightning `metrics.csv` of about `megabytes` MB.
  package static func lightningCSV(megabytes: Int = 100) -> Result {
    let bytes = syntheticMetricsCSV(bytes: megabytes * 1_000_000)
    return measure("lightning-csv", bytes) { LightningCSVParser(path: "bench/metrics.csv") }
  }

  private static func measure<P: IncrementalLogParser>(
    _ label: String, _ bytes: [UInt8], make: () -> P
  ) -> Result {
    var parser = make()
    var epochs = 0
    var steps = 0
    let clock = ContinuousClock()
    let start = clock.now
    let cpuStart = threadCPUSeconds()
    var offset = 0
    while offset < bytes.count {
      let end = min(bytes.count, offset + (1 << 20))
      count(parser.feed(bytes[offset..<end]), &epochs, &steps)
      offset = end
    }
    count(parser.finish(), &epochs, &steps)
    let cpuSeconds = threadCPUSeconds() - cpuStart
    let elapsed = clock.now - start
    let seconds =
      (elapsed / .seconds(1))
    return Result(
      label: label, bytes: bytes.count, seconds: seconds, cpuSeconds: cpuSeconds, epochs: epochs,
      steps: steps)
  }

  /// CPU time used by the calling thread. The corresponding C call is `clock_gettime`.
  static func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
  }

  static func count(_ items: [LogItem], _ epochs: inout Int, _ steps: inout Int) {
    for item in items {
      switch item {
      case .epoch: epochs += 1
      case .step: steps += 1
      case .stepValues(let values): steps += values.points.count
      case .configuration, .issue, .run, .epochEnd: break
      }
    }
  }

  /// Keras-style records: 1000 `batch_loss` steps per epoch, then four `epoch_*` scalars.
  package static func syntheticEventFile(bytes target: Int) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(target + 4096)
    appendRecord(&out, event(wallTime: 1.7e9, step: 0, fileVersion: "brain.Event:2"))
    var step = 0
    var epoch = 0
    while out.count < target {
      for _ in 0..<1000 {
        let loss = Float(1.0 / Double(1 + step / 100))
        appendRecord(
          &out, event(wallTime: 1.7e9 + Double(step), step: step, tag: "batch_loss", value: loss))
        step += 1
      }
      for (tag, value) in [
        ("epoch_loss", 0.5), ("epoch_accuracy", 0.8), ("epoch_learning_rate", 0.001),
        ("epoch_steps_per_second", 120.0),
      ] {
        appendRecord(
          &out, event(wallTime: 1.7e9 + Double(step), step: epoch, tag: tag, value: Float(value)))
      }
      epoch += 1
    }
    return out
  }

  /// Lightning-style rows: step rows with `train_loss_step`, and per epoch one validation row and
  /// one epoch row, under Lightning's sorted header.
  package static func syntheticMetricsCSV(bytes target: Int) -> [UInt8] {
    var text = "epoch,lr-Adam,step,train_loss_epoch,train_loss_step,val_acc,val_loss\n"
    text.reserveCapacity(target + 4096)
    var step = 0
    var epoch = 0
    while text.utf8.count < target {
      text += ",0.001,\(step),,,,\n"
      for _ in 0..<1000 {
        text += "\(epoch),,\(step),,\(1.0 / Double(1 + step % 977)),,\n"
        step += 1
      }
      text +=
        "\(epoch),,\(step - 1),,,\(0.5 + Double(epoch % 50) / 100),\(1.0 / Double(epoch + 1))\n"
      text += "\(epoch),,\(step - 1),\(0.7 / Double(epoch + 1)),,,\n"
      epoch += 1
    }
    return Array(text.utf8)
  }
}
