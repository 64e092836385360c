#!/usr/bin/env bash
# Runs every end-to-end test against the given dltop binary and prints "N passed, M failed".
set -uo pipefail
binary=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cd "$(dirname "$0")"
passed=0
failed=0
for test in test-*.sh; do
  echo "e2e: $test"
  if DLTOP="$binary" bash "$test"; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
done
echo "e2e: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
