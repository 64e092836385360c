#!/usr/bin/env bash
# A folder of 200 runs: nothing is overlaid until the picker chooses, `a` overlays every run and
# the legend stays readable (names without the shared folder and ending, "+N more"), `n` clears
# the overlay, `/` filters, `o` sorts, and `R` shows the comparison table whose snapshot holds
# runs.csv.
source "$(dirname "$0")/lib.sh"

for i in $(seq 0 199); do
  dir=$(printf '%s/sweep/run_%03d' "$WORK" "$i")
  mkdir -p "$dir"
  awk -v s="$i" 'BEGIN {
    print "epoch,accuracy,loss,val_accuracy,val_loss"
    for (e = 0; e < 6; e++) {
      l = 0.3 + 1.5 * exp(-(e + 1) * (0.2 + (s % 7) / 10)); v = l + 0.05 + (s % 5) / 50
      printf "%d,%.4f,%.4f,%.4f,%.4f\n", e, 1 - l / 2, l, 1 - v / 2, v
    }
  }' >"$dir/metrics.csv"
done

start_tmux 120 40 "$DLTOP" watch "$WORK/sweep" --snapshot-dir "$WORK/snaps"
check "the main run is shown" wait_for 'sweep/run_000|run_000' 60
sleep 3
check "200 runs: nothing overlaid by default (no run legend)" bash -c "! tmux capture-pane -p -t '$SESSION' | grep -qE '[▲■×◆] run_0'"
send r
check "the picker lists 200 runs" wait_for 'runs \(200\)' 10
send a
check "a overlays every run" wait_for 'overlaying 200 runs' 5
send Escape
check "the legend names runs by what tells them apart, and counts the rest" wait_for '[▲■×◆] run_001 .*\+[0-9]+ more' 10
send r
send n
check "n clears the overlay" wait_for 'no run overlaid' 5
send Escape
check "no run legend after n" wait_gone '\+[0-9]+ more' 10
send r
send /
send -l 'run_19'
check "/ filters the picker" wait_for 'runs 10 of 200 · filter run_19' 5
send Enter
send o
check "o sorts by best loss" wait_for 'sort best loss' 5
send Escape
send R
check "R shows the comparison table" wait_for 'compare 200 runs · sort best_loss' 10
check "… with its columns" wait_for 'run +epochs +best_loss ▲ +best_epoch +loss +val_loss +val_accuracy' 5
send s
check "s in the table writes a snapshot" wait_for 'snapshot' 10
sleep 2
check "the snapshot holds runs.csv with a row per run" \
  bash -c "test \$(cat '$WORK'/snaps/snapshot-*/runs.csv | wc -l) = 201"
send Escape
send F10
check "F10 quits the watch" wait_for 'EXIT=0' 10
finish
