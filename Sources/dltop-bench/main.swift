import DLTopEngine
import Foundation

// dltop-bench: the performance figures every issue asks for, in one report. `--json` prints one
// JSON document; `--quick` runs shorter versions (fewer samples and repeats, the CNN extrapolated
// from 50 batches, 20 MB logs; the MLP epoch stays whole); `--only NAMES` runs some sections (data, mlp, cnn, gemm,
// diagnosis, recorder, dashboard, watch; diagnosis-tuning only when named); `--mlp-only` is `--only mlp` (for callgrind).
// Figures only: nothing here asserts a timing.

// The same OpenBLAS kernel dltop itself runs with (see BLASKernelChoice; DLTOP_BLAS_CORETYPE=keep
// measures the kernel OPENBLAS_CORETYPE names).
BLASKernelChoice.reexecuteIfWorthwhile()

// The recorder section's child process: replay one log and exit (see RecorderBench.diagnose).
if CommandLine.arguments.count == 3, CommandLine.arguments[1] == "--replay" {
  RecorderBench.replayChild(path: CommandLine.arguments[2])
}

let options: BenchOptions
do {
  options = try BenchOptions(arguments: Array(CommandLine.arguments.dropFirst()))
} catch {
  FileHandle.standardError.write(Data("dltop-bench: \(error)\n".utf8))
  exit(2)
}
let quick = options.quick
let environment = ProcessInfo.processInfo.environment
var report: [String: Any] = [
  "blas": BLAS.configuration,
  "blas_threads": BLAS.threadCount,
  // The vector unit Adam's update runs on (AdamKernel): "avx512f", "avx2" or "baseline".
  "vector_kernels": ["baseline", "avx2", "avx512f"][AdamKernel.widestLevel],
  "openblas_num_threads_env": environment["OPENBLAS_NUM_THREADS"] ?? "unset",
  "openblas_coretype_env": environment["OPENBLAS_CORETYPE"] ?? "unset",
  "quick": quick,
  "sections": BenchOptions.sections.filter(options.includes),
  // Other processes share the cores: wall-clock figures are only comparable at a low load.
  "load_average_1min": BenchClock.loadAverage() ?? -1,
]

// Sections that do not use BLAS run first: OpenBLAS's worker threads keep spinning for a while
// after a product and would take a core from them.
let needsData = ["data", "mlp", "cnn", "dashboard"].contains(where: options.includes)
let data = needsData ? BenchData.load(seed: 1) : nil
if let data {
  report["data_source"] = data.source
  if options.includes("data") {
    report["data"] = DataBench.measure(data: data, repeats: quick ? 1 : 3)
  }
}
if options.includes("diagnosis") {
  report["diagnosis"] = DiagnosisBench.measure(runs: quick ? 5 : 21)
  report["diagnosis_accuracy"] = DiagnosisAccuracyBench.measure()
}
if options.includes("diagnosis-tuning") {
  report["diagnosis_accuracy"] = DiagnosisAccuracyBench.measure(halves: [
    .tuning, .holdout3, .holdout4, .holdout5, .holdout6,
  ])
}
if options.includes("recorder") {
  var figures = RecorderBench.epochCost(total: quick ? 20_000 : 100_000)
  figures.merge(RecorderBench.diagnose(megabytes: quick ? 20 : 200)) { first, _ in first }
  report["recorder"] = figures
}
var dashboard: [String: Any]?
if options.includes("dashboard") {
  dashboard = DashboardFrameBench.measure(frames: quick ? 20 : 100)
}
if options.includes("watch") {
  // The scale figures first, while the process is small (one of them is peak memory).
  var watch = WatchScaleBench.measure(quick: quick)
  watch.merge(WatchBench.measure(megabytes: quick ? 20 : 100)) { scale, _ in scale }
  report["watch"] = watch
}
let mlpSet = data?.flat(count: quick ? 10_000 : 60_000)
if let data, let mlpSet, options.includes("mlp") {
  // Two whole epochs over all 60,000 images, --quick too (under a second): the fastest is the
  // figure, so the first epoch's warm-up is not counted, as the comparison scripts time PyTorch
  // and Keras (a single cold epoch over 10,000 images counted dltop's warm-up against it).
  let mlp = TrainingBench.measure(
    makeModel: { TrainingBench.mlp(seed: 1) }, data: data.flat(count: 60_000), epochs: 2)
  var figures = BenchReport.training(mlp, architecture: "784-128-10 relu, adam, batch 128")
  figures.merge(
    LayerBreakdownBench.measure(
      model: { TrainingBench.mlp(seed: 1) }, images: mlpSet, batches: quick ? 100 : 400)
  ) { old, _ in old }
  figures.merge(
    StochasticBench.measure(
      makeModel: { TrainingBench.mlp(seed: 1) }, data: mlpSet, samples: quick ? 1000 : 5000)
  ) { old, _ in old }
  report["mlp"] = figures
}
if let data, options.includes("cnn") {
  var cnn = CNNBench.measure(images: data.train, measuredBatches: quick ? 50 : nil)
  cnn.merge(
    LayerBreakdownBench.measure(
      model: { CNNBench.model(seed: 1) }, images: data.train, batches: quick ? 10 : 30)
  ) { old, _ in old }
  cnn.merge(
    StochasticBench.measure(
      makeModel: { CNNBench.model(seed: 1) }, data: data.train, samples: quick ? 200 : 1000)
  ) { old, _ in old }
  cnn["training_gflop_per_sample"] = TrainingFLOPs.perSample(CNNBench.model(seed: 1)) / 1e9
  report["cnn"] = cnn
}
// The CNN's flop_bound_ratio needs the large-GEMM rate, so the CNN section measures it too.
if options.includes("gemm") || options.includes("cnn") {
  let large = GEMMBench.gflops(m: 1024, n: 1024, k: 1024, minimumSeconds: quick ? 0.2 : 1.0)
  if options.includes("gemm") {
    let small = GEMMBench.gflops(m: 128, n: 128, k: 784, minimumSeconds: quick ? 0.1 : 0.5)
    report["gemm_gflops"] = large
    report["gemm"] = ["128x784x128_gflops": small, "1024x1024x1024_gflops": large]
  }
  if var cnn = report["cnn"] as? [String: Any], let epoch = cnn["epoch_s"] as? Double,
    let perSample = cnn["training_gflop_per_sample"] as? Double,
    let samples = cnn["samples"] as? Int
  {
    // Epoch seconds ÷ the seconds the epoch's flops take at the large-GEMM rate.
    let flopSeconds = perSample * Double(samples) / large
    cnn["flop_bound_ratio"] = epoch / flopSeconds
    cnn["flop_bound_s"] = flopSeconds
    cnn["gemm_1024_gflops"] = large
    report["cnn"] = cnn
  }
}
if var figures = dashboard {
  if let mlpSet {
    let overhead = DashboardOverheadBench.measure(
      data: mlpSet, batches: quick ? 1000 : 3000, repeats: quick ? 2 : 5)
    figures.merge(overhead) { first, _ in first }
  }
  report["dashboard"] = figures
}
report["load_average_1min_end"] = BenchClock.loadAverage() ?? -1

if options.json {
  print(try BenchReport.json(report))
} else {
  print(BenchReport.text(report))
}
