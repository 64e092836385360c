#!/usr/bin/env bash
# dltop watch --headless follows logs as they grow: each record exactly once, even when a line
# arrives in two writes; a folder's runs are all listed and a new one is picked up.
source "$(dirname "$0")/lib.sh"

log="$WORK/training.csv"
printf 'epoch,accuracy,loss,val_accuracy,val_loss\n0,0.50,1.00,0.45,1.10\n1,0.60,0.80,0.55,0.90\n' >"$log"
"$DLTOP" watch "$log" --headless --interval 0.05 >"$WORK/out.txt" 2>&1 &
pid=$!
sleep 1
printf '2,0.70,0.6' >>"$log"         # half a line ...
sleep 0.6
printf '0,0.65,0.70\n' >>"$log"      # ... and the rest
printf '3,0.75,0.50,0.70,0.60\n' >>"$log"
sleep 0.5
printf '4,0.80,0.40,0.72,0.55\n5,0.82,0.35,0.73,0.5' >>"$log"
sleep 0.4
printf '4\n' >>"$log"
sleep 3
kill -TERM "$pid"
wait "$pid"
check "watch exits 0 on SIGTERM" test $? -eq 0
for e in 0 1 2 3 4 5; do
  check "epoch $e appears exactly once" test "$(grep -cE "^epoch $e " "$WORK/out.txt")" -eq 1
done
check "the split line was joined, not parsed as garbage (epoch 2 loss 0.60)" grep -qE '^epoch 2 .*loss 0\.6000' "$WORK/out.txt"
check "the split last line was joined (epoch 5 val_loss 0.54)" grep -qE '^epoch 5 .*val_loss 0\.5400' "$WORK/out.txt"
check "no warnings about bad rows" bash -c "! grep -q warning '$WORK/out.txt'"

# A folder with three runs shows three; a fourth that appears later is added.
for run in a b c; do
  mkdir -p "$WORK/runs/$run"
  printf 'epoch,loss,val_loss\n0,1.0,1.1\n1,0.8,0.9\n' >"$WORK/runs/$run/training.csv"
done
"$DLTOP" watch "$WORK/runs" --headless --interval 0.05 >"$WORK/folder.txt" 2>&1 &
pid=$!
sleep 3
check "three runs found" test "$(grep -c '^run found:' "$WORK/folder.txt")" -eq 3
mkdir -p "$WORK/runs/d"
printf 'epoch,loss,val_loss\n0,1.0,1.1\n' >"$WORK/runs/d/training.csv"
sleep 5
kill -TERM "$pid"
wait "$pid"
check "the fourth run is picked up" grep -q '^run found: d' "$WORK/folder.txt"
check "four runs in all" test "$(grep -c '^run found:' "$WORK/folder.txt")" -eq 4

# The watch dashboard: the runs are shown, s writes a snapshot, SIGTERM restores the terminal.
start_tmux 120 40 "$DLTOP" watch "$WORK/runs" --snapshot-dir "$WORK/watch-snaps"
check "the watch dashboard shows WATCHING" wait_for '^WATCHING' 30
check "control keys are advice only" wait_for 'advice only' 5
send s
check "s writes a snapshot of the watched run" wait_for 'snapshot written to' 10
check "the snapshot folder exists" bash -c "ls -d '$WORK'/watch-snaps/snapshot-* >/dev/null"
pkill -TERM -f "^$DLTOP watch $WORK/runs"  # the binary, not the shell running it
check "SIGTERM ends it with status 0" wait_for 'EXIT=0' 15
check "and the terminal is restored" test "$(tmux display -p -t "$SESSION" '#{alternate_on}')" = 0
finish
