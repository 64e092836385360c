#!/usr/bin/env bash
# watch for CI: --once prints what a log holds and exits with the verdict's status; a folder
# exits with its worst run's; --exit-when-idle ends a headless watch that went quiet with the
# verdict's status; a watch started before its log exists (dashboard and headless) picks it up.
source "$(dirname "$0")/lib.sh"
corpus="$(cd "$(dirname "$0")/../DLTopMonitorTests/Fixtures/diagnosis-corpus" && pwd)"
healthy="$corpus/healthy-01-digits-mlp-adam.jsonl"
overfit="$corpus/overfitting-01-digits-100-mlp512x2.jsonl"

out=$("$DLTOP" watch --once "$healthy"); status=$?
check "--once on a healthy run exits 0 (got $status)" test "$status" = 0
check "--once prints the epochs" grep -qE '^epoch 30 +loss' <<<"$out"
check "--once prints the verdict" grep -q '^verdict: healthy' <<<"$out"
check "--once says the run finished" grep -q '^finished: all 30 epochs run' <<<"$out"
out=$("$DLTOP" watch --once "$overfit"); status=$?
check "--once on an overfitting run exits 3 (got $status)" test "$status" = 3
check "… and says overfitting" grep -q '^verdict: overfitting' <<<"$out"
mkdir -p "$WORK/fleet/a" "$WORK/fleet/b"
cp "$healthy" "$WORK/fleet/a/run.jsonl"; cp "$overfit" "$WORK/fleet/b/run.jsonl"
out=$("$DLTOP" watch --once "$WORK/fleet"); status=$?
check "--once on a folder exits with its worst run's status (got $status)" test "$status" = 3
check "… naming each run" grep -qE '^\[b(/run.jsonl)?\] verdict: overfitting' <<<"$out"
"$DLTOP" watch --once "$WORK/nothing-here" >/dev/null 2>"$WORK/err"; status=$?
check "--once on a missing path is an error (got $status)" test "$status" = 1
check "… that names the path" grep -q 'nothing-here: no such file or folder' "$WORK/err"
printf 'epoch,loss\n' >"$WORK/empty.csv"
"$DLTOP" watch --once "$WORK/empty.csv" >/dev/null 2>&1; status=$?
check "--once before the first epoch exits 2 (got $status)" test "$status" = 2

start=$(date +%s)
timeout 60 "$DLTOP" watch --headless --exit-when-idle 2s "$overfit" >"$WORK/idle.out"; status=$?
took=$(($(date +%s) - start))
check "--exit-when-idle 2s exits by itself with the verdict (status $status, ${took}s)" test "$status" = 3 -a "$took" -lt 30
check "… after printing every epoch" grep -qE '^epoch 200 ' "$WORK/idle.out"

# Started before the log exists: the dashboard waits, then shows the run.
start_tmux 100 30 "$DLTOP" watch "$WORK/later/metrics.csv"
check "the dashboard starts without the file" wait_for 'WATCHING' 20
mkdir -p "$WORK/later"
printf 'epoch,accuracy,loss,val_accuracy,val_loss\n0,0.5,1.0,0.45,1.1\n1,0.6,0.8,0.55,0.9\n2,0.7,0.6,0.62,0.7\n' >"$WORK/later/metrics.csv"
check "the watch picks the file up when it appears" wait_for 'train 0\.6 +val 0\.7' 30
send q
check "q quits" wait_for 'EXIT=0' 10
tmux kill-session -t "$SESSION" 2>/dev/null

# Headless, too.
start_tmux 100 30 "$DLTOP" watch --headless --exit-when-idle 8s "$WORK/later2.csv"
check "headless says it waits" wait_for 'waiting for .*later2.csv to appear' 20
printf 'epoch,loss,val_loss\n0,1.0,1.1\n1,0.8,0.9\n' >"$WORK/later2.csv"
check "headless prints the epochs once the file appears" wait_for '^epoch 1 +loss 0.8000 +val_loss 0.9000' 30
check "and exits when idle" wait_for 'EXIT=[0-9]' 30
finish
