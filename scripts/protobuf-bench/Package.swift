// swift-tools-version:6.0
import PackageDescription
let package = Package(
  name: "pbbench",
  dependencies: [.package(url: "https://github.com/apple/swift-protobuf", exact: "1.39.0")],
  targets: [.executableTarget(name: "pbbench", dependencies: [.product(name: "SwiftProtobuf", package: "swift-protobuf")])]
)
