#!/usr/bin/env bash
# Mouse clicks in a real terminal: tmux passes the SGR mouse report (ESC [ < b ; x ; y M) that a
# terminal sends for a left click to dltop, which enabled mouse reporting through ncurses. A click
# on the loss panel zooms it; a click on the zoomed panel goes back.
source "$(dirname "$0")/lib.sh"

click() { send -l $'\e[<0;'"$1;$2"'M'; send -l $'\e[<0;'"$1;$2"'m'; }

start_tmux 120 40 "$DLTOP" train --data iris --epochs 100000 --no-early-stop --no-run-log
wait_for '^RUNNING' 30
check "the dashboard shows the accuracy panel beside the loss" bash -c "tmux capture-pane -p -t '$SESSION' | sed -n 3p | grep -q '2 accuracy'"
click 20 10
wait_gone '2 accuracy' 10
check "a click on the loss panel zooms it" bash -c "tmux capture-pane -p -t '$SESSION' | sed -n 3p | grep -q '1 loss'"
click 60 20
wait_for '2 accuracy' 10
check "a click on the zoomed panel goes back" bash -c "tmux capture-pane -p -t '$SESSION' | sed -n 3p | grep -q '2 accuracy'"
send q
send y
wait_for 'EXIT=' 20
check "quits after the clicks" bash -c "tmux capture-pane -p -t '$SESSION' | grep -q 'EXIT=0'"
finish
