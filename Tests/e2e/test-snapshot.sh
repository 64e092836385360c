#!/usr/bin/env bash
# Key s exports a snapshot while running and while paused; each file matches the run; an
# unwritable folder gives a message and training goes on.
source "$(dirname "$0")/lib.sh"

start_tmux 120 40 "$DLTOP" train --data digits --epochs 100000 --batch 32 --no-early-stop \
  --run-dir "$WORK/run" --snapshot-dir "$WORK/snaps"
check "training runs" wait_for 'RUNNING +epoch [0-9]+/100000' 60
sleep 2
send s
check "snapshot while running is reported" wait_for 'snapshot written to' 10
running=$(ls -d "$WORK"/snaps/snapshot-* 2>/dev/null | head -1)
check "a snapshot folder was made ($running)" test -d "$running"
for f in screen.txt metrics.csv batches.csv confusion.txt diagnosis.txt config.txt; do
  check "running snapshot has $f" test -s "$running/$f"
done
check "screen.txt is the dashboard as text, without escape codes" bash -c "grep -q '1 loss' '$running/screen.txt' && ! grep -q $'\e' '$running/screen.txt'"

send ' '
check "paused" wait_for '^PAUSED' 5
sleep 1
send s
check "second snapshot reported" wait_for 'snapshot written to' 10
sleep 0.5
paused=$(ls -d "$WORK"/snaps/snapshot-* | grep -v "^$running$" | head -1)
check "a second, separate folder ($paused)" test -d "$paused"
check "paused screen.txt shows PAUSED" grep -q '^PAUSED' "$paused/screen.txt"
check "metrics.csv matches the run log epoch by epoch" python3 - "$paused/metrics.csv" "$WORK/run/run.jsonl" <<'PY'
import csv, json, sys
rows = list(csv.DictReader(open(sys.argv[1])))
log = [json.loads(l) for l in open(sys.argv[2]) if '"type":"epoch"' in l]
assert len(rows) == len(log) and len(rows) > 0, (len(rows), len(log))
for row, rec in zip(rows, log):
    assert int(row["epoch"]) == rec["epoch"]
    for key in ("loss", "accuracy", "val_loss", "val_accuracy", "lr"):
        assert abs(float(row[key]) - rec["metrics"][key]) <= 1e-6 * max(1, abs(rec["metrics"][key])), (key, row[key], rec["metrics"][key])
PY
check "config.txt names the data set, model and seed" bash -c "grep -q 'digits' '$paused/config.txt' && grep -q 'mlp:128' '$paused/config.txt' && grep -qE 'seed.*42' '$paused/config.txt'"
check "confusion.txt has the class names and per-class scores" bash -c "grep -q 'precision' '$paused/confusion.txt' && grep -qE '^ *9 ' '$paused/confusion.txt'"
check "diagnosis.txt has a verdict" grep -qiE 'healthy|overfitting|underfitting|plateau|oscillation|divergence' "$paused/diagnosis.txt"
send ' '
send q
send y
check "quit" wait_for 'EXIT=0' 30
tmux kill-session -t "$SESSION"

# An unwritable snapshot folder: a path below a regular file can never be created (even as root).
touch "$WORK/not-a-folder"
start_tmux 120 40 "$DLTOP" train --data digits --epochs 100000 --batch 32 --no-early-stop \
  --run-dir "$WORK/run2" --snapshot-dir "$WORK/not-a-folder/snaps"
check "second run trains" wait_for 'RUNNING +epoch [0-9]+/100000' 60
before=$(screen | grep -oE 'epoch [0-9]+/' | head -1 | grep -oE '[0-9]+')
send s
check "the failure is on the status line" wait_for 'snapshot not saved' 10
sleep 2
after=$(screen | grep -oE 'epoch [0-9]+/' | head -1 | grep -oE '[0-9]+')
check "training goes on ($before < $after)" test "$before" -lt "$after"
check "nothing written elsewhere" bash -c "! ls -d '$WORK'/run2/snapshot-* '$WORK'/snapshot-* 2>/dev/null | grep -q ."
send q
send y
check "quit" wait_for 'EXIT=0' 30
finish
