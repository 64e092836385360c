#!/usr/bin/env bash
# Sets up a fresh Debian machine (apt packages when missing), builds dltop in release mode and runs
# the main job: train on Fashion-MNIST with the live dashboard (headless when not in a terminal).
# Extra arguments go to `dltop train`, e.g. `bash scripts/run.sh --model cnn --epochs 5`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
swift build -c release --product dltop >&2
exec .build/release/dltop train --data fashion-mnist "$@"
