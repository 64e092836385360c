import DLTopEngine
import Foundation

// dltop-bench: prints training and GEMM throughput. `--json` prints one JSON document,
// `--quick` runs a shorter version (10,000 samples, one epoch, shorter GEMM loops);
// `--mlp-only` skips the GEMM loops (for profiling the training loop under callgrind).
// Figures only: nothing here asserts a timing.
//
// A CNN section is one more call once Conv2D exists (not in this branch, so no "cnn" key yet):
//   let cnn = TrainingBench.measure(makeModel: makeCNN, data: data.images, epochs: epochs)
//   report["cnn"] = BenchReport.training(cnn, architecture: "…")

let arguments = Set(CommandLine.arguments.dropFirst())
let unknown = arguments.subtracting(["--json", "--quick", "--mlp-only"])
if !unknown.isEmpty {
  FileHandle.standardError.write(
    "dltop-bench: unknown argument \(unknown.sorted().joined(separator: " ")); usage: dltop-bench [--json] [--quick] [--mlp-only]\n"
      .data(using: .utf8)!)
  exit(2)
}
let quick = arguments.contains("--quick")
let samples = quick ? 10_000 : 60_000
let epochs = quick ? 1 : 2

let data = BenchData.load(count: samples, seed: 1)
let mlpOnly = arguments.contains("--mlp-only")
let gemmSmall =
  mlpOnly ? nil : GEMMBench.gflops(m: 128, n: 128, k: 784, minimumSeconds: quick ? 0.1 : 0.5)
let gemmLarge =
  mlpOnly ? nil : GEMMBench.gflops(m: 1024, n: 1024, k: 1024, minimumSeconds: quick ? 0.2 : 1.0)
let mlp = TrainingBench.measure(
  makeModel: { TrainingBench.mlp(seed: 1) }, data: data.set, epochs: epochs)

let environment = ProcessInfo.processInfo.environment
var report: [String: Any] = [
  "blas": BLAS.configuration,
  "blas_threads": BLAS.threadCount,
  "openblas_num_threads_env": environment["OPENBLAS_NUM_THREADS"] ?? "unset",
  "openblas_coretype_env": environment["OPENBLAS_CORETYPE"] ?? "unset",
  "data": data.source,
  "quick": quick,
  // Other processes share the cores: wall-clock figures are only comparable at a low load.
  "load_average_1min": (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))
    .flatMap { $0.split(separator: " ").first }.flatMap { Double($0) } ?? -1,
  "mlp": BenchReport.training(mlp, architecture: "784-128-10 relu, adam, batch 128"),
]
if let gemmSmall, let gemmLarge {
  report["gemm_gflops"] = gemmLarge
  report["gemm"] = ["128x784x128_gflops": gemmSmall, "1024x1024x1024_gflops": gemmLarge]
}
// The CNN section is added here after the merge (see the comment at the top)

if arguments.contains("--json") {
  let json = try JSONSerialization.data(
    withJSONObject: report, options: [.sortedKeys, .prettyPrinted])
  print(String(decoding: json, as: UTF8.self))
} else {
  print(BenchReport.text(report))
}
