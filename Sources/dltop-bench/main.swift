import DLTopEngine
import Foundation

// dltop-bench: the performance figures every issue asks for, in one report. `--json` prints one
// JSON document; `--quick` runs shorter versions (fewer samples and repeats, the CNN extrapolated
// from 50 batches, 20 MB logs); `--only NAMES` runs some sections (data, mlp, cnn, gemm,
// diagnosis, dashboard, watch); `--mlp-only` is `--only mlp` (for callgrind).
// Figures only: nothing here asserts a timing.

// The same OpenBLAS kernel dltop itself runs with (see BLASKernelChoice; DLTOP_BLAS_CORETYPE=keep
// measures the kernel OPENBLAS_CORETYPE names).
BLASKernelChoice.reexecuteIfWorthwhile()

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
if let mlpSet, options.includes("mlp") {
  let mlp = TrainingBench.measure(
    makeModel: { TrainingBench.mlp(seed: 1) }, data: mlpSet, epochs: quick ? 1 : 2)
  report["mlp"] = BenchReport.training(mlp, architecture: "784-128-10 relu, adam, batch 128")
}
if let data, options.includes("cnn") {
  report["cnn"] = CNNBench.measure(images: data.train, measuredBatches: quick ? 50 : nil)
}
if options.includes("gemm") {
  let small = GEMMBench.gflops(m: 128, n: 128, k: 784, minimumSeconds: quick ? 0.1 : 0.5)
  let large = GEMMBench.gflops(m: 1024, n: 1024, k: 1024, minimumSeconds: quick ? 0.2 : 1.0)
  report["gemm_gflops"] = large
  report["gemm"] = ["128x784x128_gflops": small, "1024x1024x1024_gflops": large]
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
