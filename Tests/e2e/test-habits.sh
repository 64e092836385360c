#!/usr/bin/env bash
# btop/htop habits in train: v reaches grad_norm, "pausing after this batch" clears at PAUSED,
# the quit question says paused while paused, and F10 quits (asking first, F10 again confirms).
source "$(dirname "$0")/lib.sh"

start_tmux 120 40 "$DLTOP" train --data digits --epochs 100000 --batch 32 --no-early-stop --no-run-log
check "training runs" wait_for 'RUNNING +epoch [2-9]' 60
send v
check "v moves panel 2 off accuracy" wait_for 'panel 2 shows ' 5
for _ in 1 2 3 4 5 6; do
  if screen | grep -q '┤2 grad_norm├'; then break; fi
  send v
  sleep 0.3
done
check "v shows grad_norm in train" wait_for '┤2 grad_norm├' 5

send ' '
check "space pauses" wait_for '^PAUSED' 10
check "'pausing after this batch' is gone once PAUSED shows" wait_gone 'pausing after this batch' 5
elapsed_of() { screen | grep -oE 'elapsed [0-9:]+' | head -1; }
first=$(elapsed_of)
sleep 2.5
check "the clock keeps running while paused ($first → $(elapsed_of))" test "$first" != "$(elapsed_of)"
send F10
check "F10 asks, naming the pause" wait_for 'training is paused: press q or y' 5
send F10
check "a second F10 quits with status 0" wait_for 'EXIT=0' 30
check "terminal restored" test "$(tmux display -p -t "$SESSION" '#{alternate_on}')" = 0
finish
