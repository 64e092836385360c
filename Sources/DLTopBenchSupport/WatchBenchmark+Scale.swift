import DLTopMonitor
import Foundation

/// Inputs for the scale figures of `dltop-bench --only watch`: a run of a given number of scalar
/// points, and a folder of many runs.
extension WatchBenchmark {
  /// A Keras-shaped event file with `points` scalar points: 1000 `batch_loss` points per epoch,
  /// then four `epoch_*` points.
  package static func eventFile(points: Int) -> [UInt8] {
    var out: [UInt8] = []
    appendRecord(&out, event(wallTime: 1.7e9, step: 0, fileVersion: "brain.Event:2"))
    var written = 0
    var step = 0
    var epoch = 0
    while written < points {
      for _ in 0..<min(1000, points - written) {
        let loss = Float(1.0 / Double(1 + step / 100))
        appendRecord(
          &out, event(wallTime: 1.7e9 + Double(step), step: step, tag: "batch_loss", value: loss))
        step += 1
        written += 1
      }
      for (tag, value) in [
        ("epoch_loss", 0.5), ("epoch_accuracy", 0.8), ("epoch_learning_rate", 0.001),
        ("epoch_val_loss", 0.6),
      ]
      where written < points {
        appendRecord(
          &out, event(wallTime: 1.7e9 + Double(step), step: epoch, tag: tag, value: Float(value)))
        written += 1
      }
      epoch += 1
    }
    return out
  }

  /// Writes `runs` run folders under `folder`, each `run-NNN/events.out.tfevents.bench` with
  /// `pointsPerRun` points. - Returns: the bytes written.
  @discardableResult
  package static func writeRunFolder(into folder: String, runs: Int, pointsPerRun: Int) throws
    -> Int
  {
    let bytes = eventFile(points: pointsPerRun)
    for index in 0..<runs {
      let run = folder + "/" + String(format: "run-%03d", index)
      try FileManager.default.createDirectory(atPath: run, withIntermediateDirectories: true)
      try Data(bytes).write(to: URL(fileURLWithPath: run + "/events.out.tfevents.bench"))
    }
    return bytes.count * runs
  }
}
