#!/usr/bin/env bash
# Sets up a fresh Debian machine and runs every test: architecture checks, unit tests, end-to-end.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/check-imports.sh
swift format lint --strict --recursive --parallel Sources Tests Fuzz
export OPENBLAS_NUM_THREADS=1
swift build --build-tests
swift test --skip-build --parallel 2>&1 | tee .build/test-output.txt
bash scripts/sanitizers.sh
bash scripts/fuzz.sh all "${FUZZ_SECONDS:-20}"
if [ -d Tests/e2e ] && ls Tests/e2e/*.sh >/dev/null 2>&1; then
  swift build -c release --product dltop
  bash Tests/e2e/run-all.sh .build/release/dltop
fi
