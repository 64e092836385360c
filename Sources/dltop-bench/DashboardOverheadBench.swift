import DLTopEngine
import DLTopMonitor
import DLTopTUI
import Foundation
import Synchronization

/// Training throughput with the dashboard drawing versus headless (the target: within 3%).
///
/// Both variants train the MLP for the same number of batches on a background `DispatchQueue`,
/// publishing per-batch values into an `EngineLink` at most every 50 ms as `dltop train` does.
/// Headless, the main thread just waits; with the dashboard, the main thread runs `DashboardApp`'s
/// real loop on a 120×40 `MemoryBackend` whose key reads wait out the input timeout like curses's
/// `wget_wch` (50 ms), so it redraws whenever the generation changed. Not included: the terminal
/// write itself (a `CursesBackend` sends the diffed cells to the tty).
enum DashboardOverheadBench {
  /// One training run.
  struct Run {
    var samplesPerSecond: Double
    /// Wall seconds of the training loop.
    var seconds: Double
    /// CPU seconds of the training thread (BLAS helper threads not included).
    var trainingThreadCPUSeconds: Double
    var frames = 0
    /// CPU seconds the main thread spent in the dashboard loop.
    var dashboardCPUSeconds = 0.0
  }

  /// Alternates headless and dashboard runs `repeats` times each, after one short untimed
  /// headless run (page faults, BLAS buffers), and compares the best of each.
  @MainActor
  static func measure(data: LabeledSet, batches: Int, repeats: Int) -> [String: Any] {
    let loadBefore = BenchClock.loadAverage()
    _ = run(data: data, batches: max(1, batches / 10), dashboard: false)
    var headless: [Run] = []
    var drawing: [Run] = []
    for _ in 0..<max(1, repeats) {
      headless.append(run(data: data, batches: batches, dashboard: false))
      drawing.append(run(data: data, batches: batches, dashboard: true))
    }
    let bestHeadless = headless.max { $0.samplesPerSecond < $1.samplesPerSecond }!
    let bestDrawing = drawing.max { $0.samplesPerSecond < $1.samplesPerSecond }!
    let overhead = (1 - bestDrawing.samplesPerSecond / bestHeadless.samplesPerSecond) * 100
    // Each dashboard run against the headless run just before it: less sensitive to slow drifts
    // of the machine's load than best against best.
    let paired = zip(headless, drawing).map {
      (1 - $1.samplesPerSecond / $0.samplesPerSecond) * 100
    }
    // How far apart identical headless runs are: the resolution of the overhead figure.
    let rates = headless.map(\.samplesPerSecond)
    let spread = ((rates.max() ?? 0) - (rates.min() ?? 0)) / (rates.max() ?? 1) * 100
    return [
      "training_overhead_pct": overhead,
      "training_overhead_paired_median_pct": BenchClock.median(paired),
      "headless_spread_pct": spread,
      "headless_samples_per_s": bestHeadless.samplesPerSecond,
      "with_dashboard_samples_per_s": bestDrawing.samplesPerSecond,
      "headless_runs_samples_per_s": headless.map(\.samplesPerSecond),
      "with_dashboard_runs_samples_per_s": drawing.map(\.samplesPerSecond),
      "headless_training_thread_cpu_s": bestHeadless.trainingThreadCPUSeconds,
      "with_dashboard_training_thread_cpu_s": bestDrawing.trainingThreadCPUSeconds,
      "with_dashboard_frames": bestDrawing.frames,
      "with_dashboard_main_thread_cpu_s": bestDrawing.dashboardCPUSeconds,
      // The dashboard loop's share of one core while training ran.
      "with_dashboard_main_thread_cpu_pct":
        bestDrawing.dashboardCPUSeconds / bestDrawing.seconds * 100,
      "overhead_batches": batches,
      "overhead_runs_each": headless.count,
      "overhead_load_average_before": loadBefore ?? -1,
      "overhead_load_average_after": BenchClock.loadAverage() ?? -1,
    ]
  }

  @MainActor
  private static func run(data: LabeledSet, batches: Int, dashboard: Bool) -> Run {
    let link = EngineLink(
      run: RunDescription(
        name: "bench", source: "dltop", dataset: "fashion-mnist", model: "mlp:128",
        optimizer: "adam", classNames: (0..<10).map { "class\($0)" }, controllable: true))
    let result = ResultBox()
    DispatchQueue(label: "dltop-bench.training", qos: .userInitiated).async {
      result.finish(train(data: data, batches: batches, link: link))
    }
    guard dashboard else { return result.wait() }
    let backend = MemoryBackend(width: 120, height: 40)
    backend.whenIdle = { [unowned backend] in
      // What the terminal's input timeout does: wait, unless training ends first.
      result.wait(timeout: Double(max(0, backend.inputTimeouts.last ?? 50)) / 1000)
      return nil
    }
    let app = DashboardApp(
      link: link, onSnapshotRequest: { _, _ in "" }, shouldExit: { result.isFinished })
    let cpuStarted = BenchClock.threadCPUSeconds()
    _ = app.run(on: backend)
    var outcome = result.wait()
    outcome.dashboardCPUSeconds = BenchClock.threadCPUSeconds() - cpuStarted
    outcome.frames = app.framesDrawn
    return outcome
  }

  /// The training side, on the background queue: `batches` MLP batches, publishing like
  /// `TrainingLoop.recordBatch` (pending values every 50 ms and at each epoch's end).
  private static func train(data: LabeledSet, batches: Int, link: EngineLink) -> Run {
    let configuration = TrainerConfiguration(batchSize: .samples(128), epochs: 1, seed: 1)
    let perEpoch = configuration.batchesPerEpoch(sampleCount: data.count)
    let trainer = Trainer(
      model: TrainingBench.mlp(seed: 1), loss: SoftmaxCrossEntropy(), optimizer: Adam(),
      schedule: ConstantRate(rate: 1e-3),
      configuration: TrainerConfiguration(
        batchSize: .samples(128), epochs: batches / perEpoch + 1, seed: 1),
      train: data)
    let totalEpochs = trainer.configuration.epochs
    var options = RunRecorder.Options()
    options.classCount = 10
    let recorder = RunRecorder(run: link.latest().run, options: options, link: link)
    recorder.start(totalEpochs: totalEpochs, batchesPerEpoch: perEpoch, learningRate: 1e-3)
    let clock = ContinuousClock()
    let started = clock.now
    let cpuStarted = BenchClock.threadCPUSeconds()
    var samples = 0
    var done = 0
    while done < batches {
      guard let report = trainer.trainBatch() else {
        let epoch = trainer.finishEpoch()
        var metrics = ["loss": epoch.loss, "lr": epoch.learningRate]
        metrics["accuracy"] = epoch.accuracy
        recorder.record(epoch: EpochRecord(epoch: epoch.epoch, metrics: metrics))
        continue
      }
      samples += report.samples
      done += 1
      recorder.record(
        batch: BatchRecord(
          step: report.step, epoch: report.epoch, batch: report.batchIndex + 1, loss: report.loss,
          accuracy: report.accuracy, learningRate: report.learningRate, samples: report.samples))
    }
    let seconds = BenchClock.seconds(started.duration(to: clock.now))
    let cpu = BenchClock.threadCPUSeconds() - cpuStarted
    recorder.finish(status: .finished(reason: "benchmark done"))
    return Run(
      samplesPerSecond: Double(samples) / seconds, seconds: seconds, trainingThreadCPUSeconds: cpu)
  }
}

/// The training run's result, handed from the training queue to the main thread.
private final class ResultBox: Sendable {
  private let run = Mutex<DashboardOverheadBench.Run?>(nil)
  private let done = DispatchSemaphore(value: 0)

  var isFinished: Bool { run.withLock { $0 != nil } }

  func finish(_ value: DashboardOverheadBench.Run) {
    run.withLock { $0 = value }
    done.signal()
  }

  /// Blocks until the run finished, or `timeout` seconds passed (the dashboard's input wait).
  func wait(timeout: Double) {
    if done.wait(timeout: .now() + timeout) == .success { done.signal() }
  }

  func wait() -> DashboardOverheadBench.Run {
    done.wait()
    done.signal()
    return run.withLock { $0 }
      ?? DashboardOverheadBench.Run(samplesPerSecond: 0, seconds: 0, trainingThreadCPUSeconds: 0)
  }
}
