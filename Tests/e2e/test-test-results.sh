#!/usr/bin/env bash
# The test-results view: it opens by itself when training finishes, shows the test split's
# accuracy (the same number the summary prints after exit), per-class scores and the positive
# class; Esc closes it, t reopens it, and a snapshot of the finished run holds test.txt.
source "$(dirname "$0")/lib.sh"

start_tmux 120 40 "$DLTOP" train --data breast-cancer --positive malignant --epochs 4 --no-early-stop --run-dir "$WORK/run"
check "the view opens by itself at FINISHED" wait_for 'test results · t or Esc closes' 120
check "status line says FINISHED" wait_for '^FINISHED' 5
check "test split, loss and accuracy" wait_for 'test split +[0-9]+ samples +loss [0-9.]+ +accuracy [0-9.]+' 5
check "macro averages" wait_for 'macro avg +precision' 5
check "positive class with its counts" wait_for 'positive class malignant: precision .* TP [0-9]+ FP [0-9]+ FN [0-9]+ TN [0-9]+' 5
check "per-class table" wait_for 'malignant +[0-9.]+% +[0-9.]+% +[0-9.]+ +[0-9]+' 5
shown=$(screen | grep -oE 'accuracy [0-9]\.[0-9]{4}' | head -1)
send Escape
check "Esc closes the view" wait_gone 'test results · t or Esc closes' 5
check "the footer offers t" wait_for 't test results' 5
send t
check "t reopens it" wait_for 'test results · t or Esc closes' 5
send Escape
wait_gone 'test results · t or Esc closes' 5
send s
check "snapshot written" wait_for 'snapshot' 10
sleep 1
check "the snapshot holds test.txt with the test accuracy" \
  bash -c "grep -q '^accuracy: ' '$WORK'/run/snapshot-*/test.txt"
send q
check "q quits a finished run at once" wait_for 'EXIT=0' 20
check "the summary prints the accuracy the view showed ($shown)" \
  bash -c "tmux capture-pane -p -t '$SESSION' -S -200 | grep -E '^test: loss' | grep -q '$shown'"
check "the positive-class line is printed once" \
  test "$(tmux capture-pane -p -t "$SESSION" -S -200 | grep -c 'positive class')" = 1
finish
