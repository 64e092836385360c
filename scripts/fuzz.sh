#!/usr/bin/env bash
# Builds and runs the libFuzzer targets in Fuzz/Targets for a bounded time.
#
#   bash scripts/fuzz.sh TARGET SECONDS     one target (its file name without .swift)
#   bash scripts/fuzz.sh all SECONDS        every target, one after the other
#   bash scripts/fuzz.sh list               the target names
#
# A target is one file, Fuzz/Targets/NAME.swift, that defines LLVMFuzzerTestOneInput and names the
# dltop modules it needs on a first line `// fuzz-modules: DLTopMonitor …`; its committed seeds are
# Fuzz/Corpus/NAME/. The modules are compiled with -sanitize=fuzzer,address (coverage, AddressSanitizer
# and LeakSanitizer) into .build/fuzz/, and rebuilt only when a source is newer. New inputs go to
# .build/fuzz/corpus/NAME (not committed); a crash, leak, timeout (> FUZZ_TIMEOUT s per input, default 1)
# or an allocation above FUZZ_MALLOC_MB (default 100) stops the run, leaves the input in
# .build/fuzz/artifacts/NAME/ and makes this script fail. Each run's last libFuzzer lines (executions,
# coverage) go to .build/fuzz/logs/NAME.log.
# FUZZ_OUT moves .build/fuzz elsewhere.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
out=${FUZZ_OUT:-$root/.build/fuzz}
targets_dir=$root/Fuzz/Targets

usage() { sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
[ $# -ge 1 ] || usage

all_targets() { for f in "$targets_dir"/*.swift; do basename "$f" .swift; done; }

if [ "$1" = list ]; then all_targets; exit 0; fi
[ $# -eq 2 ] || usage
seconds=$2

# Flags that every module and target compile with.
common=(-sanitize=fuzzer,address -parse-as-library -swift-version 6 -package-name dltop -O -g
  -I "$out" -I "$root/Sources/CBLAS" -I "$root/Sources/CZlib" -I "$root/Sources/CNcursesw"
  -I "$root/Sources/CSQLite" -I "$root/Sources/CCRC32C" -I "$root/Sources/CVectorKernels")

# Builds one library module (and the ones it imports) as a static library, when out of date.
build_module() {
  local module=$1 deps=()
  case $module in
    DLTopEngine | DLTopMonitor) deps=(DLTopNumbers) ;;
    DLTopTUI) deps=(DLTopMonitor) ;;
  esac
  for dep in "${deps[@]}"; do build_module "$dep"; done
  local library=$out/lib$module.a
  local sources
  sources=$(find "$root/Sources/$module" -name '*.swift' | sort)
  local stale_dep=""
  for dep in "${deps[@]}"; do [ "$out/lib$dep.a" -nt "$library" ] && stale_dep=$dep; done
  if [ -f "$library" ] && [ -z "$stale_dep" ] \
    && [ -z "$(find "$root/Sources/$module" -name '*.swift' -newer "$library")" ]; then
    return
  fi
  echo "fuzz: compiling $module" >&2
  # shellcheck disable=SC2086
  swiftc "${common[@]}" -module-name "$module" -emit-module -emit-module-path "$out/$module.swiftmodule" \
    -emit-library -static -o "$library" $sources 2>&1 | grep -v 'warning: Cannot export local symbol' >&2 || true
  [ -f "$library" ]
}

# The libraries and system libraries a module links against.
link_flags() {
  case $1 in
    DLTopEngine) echo "$out/libDLTopEngine.a $out/libDLTopNumbers.a -lopenblas -lz" ;;
    DLTopMonitor) echo "$out/libDLTopMonitor.a $out/libDLTopNumbers.a -lsqlite3" ;;
    DLTopTUI) echo "$out/libDLTopTUI.a $out/libDLTopMonitor.a $out/libDLTopNumbers.a -lncursesw -lsqlite3" ;;
  esac
}

build_target() {
  local name=$1 source=$targets_dir/$1.swift
  [ -f "$source" ] || { echo "fuzz: no target $name (targets: $(all_targets | tr '\n' ' '))" >&2; exit 2; }
  local modules
  modules=$(sed -n '1s|^// fuzz-modules:||p' "$source")
  [ -n "$modules" ] || { echo "fuzz: $source must start with '// fuzz-modules: …'" >&2; exit 2; }
  local links=() module
  for module in $modules; do
    build_module "$module"
    # shellcheck disable=SC2207
    links+=($(link_flags "$module"))
  done
  local binary=$out/bin/fuzz-$name
  mkdir -p "$out/bin"
  local newest=$source
  for module in $modules; do [ "$out/lib$module.a" -nt "$newest" ] && newest=$out/lib$module.a; done
  if [ ! -x "$binary" ] || [ "$newest" -nt "$binary" ]; then
    echo "fuzz: linking $name" >&2
    swiftc "${common[@]}" "$source" "${links[@]}" -o "$binary" 2>&1 \
      | grep -v 'warning: Cannot export local symbol' >&2 || true
    [ -x "$binary" ]
  fi
}

run_target() {
  local name=$1
  # One build at a time, so runs started in parallel never compile the same module at once.
  (flock 9 && build_target "$name") 9>"$out/.build.lock"
  local corpus=$out/corpus/$name artifacts=$out/artifacts/$name
  mkdir -p "$corpus" "$artifacts" "$out/logs"
  local seeds=()
  [ -d "$root/Fuzz/Corpus/$name" ] && seeds=("$root/Fuzz/Corpus/$name")
  echo "fuzz: $name for ${seconds}s" >&2
  local status=0
  ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} "$out/bin/fuzz-$name" "$corpus" "${seeds[@]}" \
    -max_total_time="$seconds" -timeout="${FUZZ_TIMEOUT:-1}" -malloc_limit_mb="${FUZZ_MALLOC_MB:-100}" \
    -rss_limit_mb=2048 -max_len="${FUZZ_MAX_LEN:-65536}" -print_final_stats=1 -report_slow_units=1 \
    -artifact_prefix="$artifacts/" >"$out/logs/$name.log" 2>&1 || status=$?
  grep -E '^#[0-9]+.*(DONE|pulse)|stat::number_of_executed_units|stat::peak_rss_mb|cov:' "$out/logs/$name.log" \
    | tail -3 >&2 || true
  if [ "$status" -ne 0 ]; then
    echo "fuzz: $name FAILED (exit $status); input in $artifacts/, log $out/logs/$name.log" >&2
    grep -E 'ERROR|SUMMARY|Fatal error|==[0-9]+==' "$out/logs/$name.log" | head -5 >&2 || true
  fi
  return "$status"
}

mkdir -p "$out"
if [ "$1" = all ]; then
  failed=0
  for name in $(all_targets); do run_target "$name" || failed=$((failed + 1)); done
  echo "fuzz: $failed target(s) failed" >&2
  [ "$failed" -eq 0 ]
else
  run_target "$1"
fi
