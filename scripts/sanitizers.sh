#!/usr/bin/env bash
# Runs the unit tests under ThreadSanitizer and AddressSanitizer (LeakSanitizer included), each in
# its own scratch folder so the normal .build stays untouched.
#
#   bash scripts/sanitizers.sh            both
#   bash scripts/sanitizers.sh thread     one of them (thread | address)
#
# A report from either sanitizer fails the run (halt_on_error); the output is kept in
# .build/sanitizer-<name>.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
export OPENBLAS_NUM_THREADS=1
# The suites that replay the whole diagnosis corpus (every epoch of ~970 fixture runs: scoring,
# early stopping, live/followed/replayed timelines) run in the normal unit pass. Under the
# sanitizers they are single-threaded replays of the same code the other suites cover, and they took
# most of each sanitizer pass once the corpus grew (TimelineAgreementTests alone 1,147 s of
# ThreadSanitizer's 1,151), so they are skipped here.
corpus_wide='FieldCorpusTests|FieldCorpusEarlyStoppingTests|TimelineAgreementTests'
kinds=("${@:-thread address}")
# shellcheck disable=SC2206
kinds=(${kinds[*]})
mkdir -p .build
for kind in "${kinds[@]}"; do
  scratch=.build/sanitize-$kind
  echo "sanitizers: building the tests with --sanitize=$kind" >&2
  swift build --build-tests --sanitize="$kind" --scratch-path "$scratch"
  echo "sanitizers: running the tests with --sanitize=$kind" >&2
  start=$(date +%s)
  status=0
  TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1" ASAN_OPTIONS="halt_on_error=1 detect_leaks=1" \
    LSAN_OPTIONS="suppressions=$PWD/scripts/lsan-suppressions.txt" \
    swift test --skip-build --sanitize="$kind" --scratch-path "$scratch" --parallel \
    --skip "$corpus_wide" \
    >".build/sanitizer-$kind.txt" 2>&1 || status=$?
  grep -E '^(✘|✔ Test run|Test Suite .*(passed|failed))|WARNING: ThreadSanitizer|ERROR: AddressSanitizer|ERROR: LeakSanitizer' \
    ".build/sanitizer-$kind.txt" | head -40 >&2 || true
  echo "sanitizers: $kind finished in $(($(date +%s) - start)) s, exit $status" >&2
  if [ "$status" -ne 0 ] || grep -qE 'WARNING: ThreadSanitizer|ERROR: (Address|Leak)Sanitizer' ".build/sanitizer-$kind.txt"; then
    echo "sanitizers: $kind found problems; see .build/sanitizer-$kind.txt" >&2
    exit 1
  fi
done
