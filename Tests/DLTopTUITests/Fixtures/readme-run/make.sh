#!/usr/bin/env bash
# Remakes run.jsonl: the README's main job (fashion-mnist, mlp:128, seed 42, the default 20 epochs),
# trained by dltop itself. The golden screen finalDashboardOfTheReadmeRunAt120x40 replays it.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dltop="${1:-$here/../../../../.build/release/dltop}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
OPENBLAS_NUM_THREADS=1 "$dltop" train --data fashion-mnist --model mlp:128 --seed 42 --headless --json \
  --run-dir "$work/run" >"$work/train.json"
# The run folder's path is not part of the fixture.
sed "s#$work/run#dltop-runs/readme-run#g" "$work/run/run.jsonl" >"$here/run.jsonl"
