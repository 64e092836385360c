#!/usr/bin/env bash
# The dashboard in a real terminal: panels, pause, learning-rate keys reaching the Trainer, help,
# resize to small sizes, quit with status 0 and the terminal restored.
source "$(dirname "$0")/lib.sh"

start_tmux 120 40 "$DLTOP" train --data digits --epochs 100000 --batch 32 --no-early-stop --run-dir "$WORK/run"
check "dashboard starts training" wait_for 'RUNNING +epoch [0-9]+/100000' 60
check "loss panel" wait_for '1 loss' 5
check "accuracy panel" wait_for '2 accuracy' 5
check "learning-rate panel" wait_for '3 (lr|learning rate)' 5
check "confusion panel" wait_for '4 confusion' 5
check "diagnosis panel" wait_for '5 diagnosis' 5
check "status line shows lr and optimizer" wait_for 'lr 1e-3 +adam' 5

epoch_of() { screen | grep -oE 'epoch [0-9]+/100000' | head -1 | grep -oE '[0-9]+' | head -1; }
send ' '
check "space shows PAUSED" wait_for '^PAUSED' 5
sleep 0.5
first=$(epoch_of)
sleep 2
second=$(epoch_of)
check "epoch counter stops while paused ($first = $second)" test "$first" = "$second"
send ' '
check "space resumes" wait_for '^RUNNING' 5
sleep 1
third=$(epoch_of)
check "epoch counter moves after resume ($second < $third)" test "$second" -lt "$third"

send ']'
check "] doubles the learning rate shown" wait_for 'lr 2e-3 +adam' 5
# The Trainer's own records: the run log's epoch lines carry the lr the engine used.
sleep 2
check "run log records the new lr" grep -qE '"lr":0\.002[,}]' "$WORK/run/run.jsonl"
send '['
check "[ halves it back" wait_for 'lr 1e-3 +adam' 5

send '?'
check "? shows the help" wait_for 'pause / resume training' 5
send Escape
check "help closes" wait_gone 'pause / resume training' 5

resize 60 20
sleep 1
check "60x20 still draws the status line" wait_for '(RUNNING|PAUSED) +epoch' 5
check "60x20 draws a panel" wait_for '(loss|accuracy)' 5
resize 20 6
check "20x6 says the terminal is too small" wait_for 'too small' 5
resize 120 40
check "back to 120x40 redraws every panel" wait_for '4 confusion' 5

send q
check "q asks to confirm while training runs" wait_for 'press q or y to quit' 5
send y
check "quit exits with status 0" wait_for 'EXIT=0' 30
check "terminal restored (alternate screen off)" test "$(tmux display -p -t "$SESSION" '#{alternate_on}')" = 0
check "summary printed after the dashboard closed" wait_for 'stopped: quit from the dashboard' 5
finish
