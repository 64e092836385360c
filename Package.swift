// swift-tools-version:6.0
// Swift 6 language mode (strict concurrency) comes with tools version 6.0.
import PackageDescription

let package = Package(
  name: "dltop",
  platforms: [.macOS(.v15)],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
  ],
  targets: [
    .systemLibrary(name: "CNcursesw", providers: [.apt(["libncursesw5-dev"])]),
    .systemLibrary(name: "CBLAS", providers: [.apt(["libopenblas-dev"])]),
    .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
    .systemLibrary(name: "CSQLite", providers: [.apt(["libsqlite3-dev"])]),
    // Header-only: CRC-32C by the processor's instruction (SSE 4.2) for TFRecord framing.
    .systemLibrary(name: "CCRC32C"),
    // Header-only: Adam's elementwise update in AVX2 / AVX-512, chosen at run time.
    .systemLibrary(name: "CVectorKernels"),
    // The one decimal-number parser, shared by the engine's CSV loader and the monitor's log readers.
    .target(name: "DLTopNumbers"),
    .target(name: "DLTopEngine", dependencies: ["DLTopNumbers", "CBLAS", "CZlib", "CVectorKernels"]),
    .target(name: "DLTopMonitor", dependencies: ["DLTopNumbers", "CSQLite", "CCRC32C"]),
    .target(name: "DLTopTUI", dependencies: ["DLTopMonitor", "CNcursesw"]),
    .executableTarget(
      name: "dltop",
      dependencies: [
        "DLTopEngine", "DLTopMonitor", "DLTopTUI",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    // Synthetic histories, logs and snapshots for the bench and tests; not part of the product.
    .target(name: "DLTopBenchSupport", dependencies: ["DLTopMonitor", "DLTopTUI"]),
    .executableTarget(
      name: "dltop-bench", dependencies: ["DLTopEngine", "DLTopMonitor", "DLTopTUI", "DLTopBenchSupport"]),
    .testTarget(name: "DLTopEngineTests", dependencies: ["DLTopEngine", "DLTopNumbers"], exclude: ["Fixtures"]),
    .testTarget(
      name: "DLTopMonitorTests", dependencies: ["DLTopMonitor", "DLTopBenchSupport"], exclude: ["Fixtures"]),
    .testTarget(
      name: "DLTopTUITests", dependencies: ["DLTopTUI", "DLTopMonitor"], exclude: ["Snapshots", "Fixtures"]),
  ]
)
