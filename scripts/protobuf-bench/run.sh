#!/usr/bin/env bash
# Measures dltop's hand-written protobuf decoder of W&B history records against swift-protobuf
# 1.39.0 messages (written in the shape protoc-gen-swift generates) on the real .wandb fixture,
# in one run. Not part of the dltop package (it would add swift-protobuf to every build).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
# The decoder under test, copied from the product with `package` access made `public`/internal.
sed 's/^package /public /; s/  package /  public /g' \
  "$repo/Sources/DLTopMonitor/LogReaders/Wandb/ProtobufWireReader.swift" >"$here/Sources/pbbench/ProtobufWireReader.swift"
sed 's/  package /  /g; s/^package //' \
  "$repo/Sources/DLTopMonitor/LogReaders/Wandb/WandbRecordDecoder.swift" >"$here/Sources/pbbench/WandbRecordDecoder.swift"
cd "$here"
swift build -c release
.build/release/pbbench "$(ls "$repo"/Tests/DLTopMonitorTests/Fixtures/ecosystem/wandb/wandb/offline-run-*/run-*.wandb)"
