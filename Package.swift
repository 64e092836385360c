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
    .target(name: "DLTopEngine", dependencies: ["CBLAS", "CZlib"]),
    .target(name: "DLTopMonitor", dependencies: ["CSQLite"]),
    .target(name: "DLTopTUI", dependencies: ["DLTopMonitor", "CNcursesw"]),
    .executableTarget(
      name: "dltop",
      dependencies: [
        "DLTopEngine", "DLTopMonitor", "DLTopTUI",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    .executableTarget(name: "dltop-bench", dependencies: ["DLTopEngine", "DLTopMonitor", "DLTopTUI"]),
    .testTarget(name: "DLTopEngineTests", dependencies: ["DLTopEngine"], exclude: ["Fixtures"]),
    .testTarget(name: "DLTopMonitorTests", dependencies: ["DLTopMonitor"], exclude: ["Fixtures"]),
    .testTarget(
      name: "DLTopTUITests", dependencies: ["DLTopTUI", "DLTopMonitor"], exclude: ["Snapshots", "Fixtures"]),
  ]
)
