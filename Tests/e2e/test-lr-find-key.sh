#!/usr/bin/env bash
# The learning-rate range test inside the training dashboard: `train --lr-find` draws the curve
# before the first batch and asks; y trains with the suggestion (shown in the status line and the
# run log's header), n keeps --lr; `L` while paused runs it from the current weights. The run's
# weights are untouched by the test: the same seed trains bit for bit as a run without it.
source "$(dirname "$0")/lib.sh"

# 1. --lr-find, answered y.
start_tmux 120 36 "$DLTOP" train --data digits --epochs 3 --no-early-stop --threads 1 --lr-find \
  --run-dir "$WORK/yes"
check "the range test's plot draws in the dashboard" wait_for 'learning-rate range test' 60
check "it asks to use the suggestion" wait_for 'use η = [0-9.e-]+ \(valley\)\?' 60
check "the suggestion is marked on the curve" wait_for '┊valley' 5
offered=$(screen | grep -oE 'use η = [0-9.e-]+' | head -1 | sed 's/use η = //')
send y
check "y: the status line shows the suggested η ($offered)" wait_for "lr $offered " 30
check "the range test's overlay is gone" wait_gone 'learning-rate range test' 10
check "training proceeds to its end" wait_for '^FINISHED' 120
send q
check "and exits with 0" wait_for 'EXIT=0' 10
check "the run log's header says the suggested lr" python3 - "$WORK/yes/run.jsonl" "$offered" <<'PY'
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1])]
lr = float(lines[0]["config"]["lr"])
epochs = [l for l in lines if l["type"] == "epoch"]
assert len(epochs) == 3 and all(e["metrics"]["lr"] == lr for e in epochs), (lr, epochs)
shown = sys.argv[2]
assert abs(lr / float(shown) - 1) < 0.06, (lr, shown)  # the status line rounds to 2 digits
events = [l["text"] for l in lines if l["type"] == "event"]
assert any(t.startswith("lr-find: training with the suggestion") for t in events), events
PY
tmux kill-session -t "$SESSION" 2>/dev/null

# 2. --lr-find answered n: the run trains with --lr from the same initial weights as a run
# without the test (its first epoch's losses are equal to the last digit).
start_tmux 120 36 "$DLTOP" train --data digits --epochs 1 --no-early-stop --threads 1 --lr-find \
  --run-dir "$WORK/no"
check "n: the question comes again" wait_for 'use η = [0-9.e-]+ \(valley\)\?' 60
send n
check "n keeps lr 1e-3" wait_for '^FINISHED' 60
send q
wait_for 'EXIT=0' 10 >/dev/null
"$DLTOP" train --data digits --epochs 1 --no-early-stop --threads 1 --run-dir "$WORK/plain" \
  --headless >/dev/null 2>&1
check "declined: epoch 1 equals a run without the range test" python3 - "$WORK/no/run.jsonl" "$WORK/plain/run.jsonl" <<'PY'
import json, sys
def epochs(path):
    return [
        tuple(l["metrics"][k] for k in ("loss", "val_loss", "lr"))
        for l in map(json.loads, open(path)) if l["type"] == "epoch"
    ]
a, b = epochs(sys.argv[1]), epochs(sys.argv[2])
assert a == b and a[0][2] == 0.001, (a, b)
PY
tmux kill-session -t "$SESSION" 2>/dev/null

# 3. L while paused, mid-run: from the current weights; y sets the rate, the run stays paused.
start_tmux 120 36 "$DLTOP" train --data digits --epochs 100000 --no-early-stop --threads 1 \
  --run-dir "$WORK/key"
check "training runs" wait_for 'RUNNING +epoch [0-9]+/100000' 60
send L
check "L while running asks to pause first" wait_for 'press space first' 5
send ' '
check "space pauses" wait_for '^PAUSED' 10
send L
check "L while paused draws the range test" wait_for 'learning-rate range test' 30
check "and asks" wait_for 'use η = [0-9.e-]+ \(valley\)\?' 60
offered=$(screen | grep -oE 'use η = [0-9.e-]+' | head -1 | sed 's/use η = //')
send y
check "y sets η = $offered while still paused" wait_for "lr $offered " 15
check "still paused" wait_for '^PAUSED' 5
send ' '
check "space resumes with it" wait_for '^RUNNING' 10
send q
send q
check "quit exits with 0" wait_for 'EXIT=0' 30
check "the run log records the key's rate change" \
  grep -q '"text":"lr-find: training with the suggestion' "$WORK/key/run.jsonl"

# 4. Headless: --lr-find prints the suggestion and trains with it, exactly as --lr with that value.
"$DLTOP" train --data digits --epochs 2 --no-early-stop --threads 1 --lr-find --no-run-log --json \
  >"$WORK/found.json" 2>"$WORK/found.err"
check "headless --lr-find exits with 0" test $? -eq 0
check "it prints the suggestion on stderr" grep -q 'lr-find: training with the suggestion η = ' "$WORK/found.err"
lr=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(repr(d["lr_find"]["suggested_lr"]))' "$WORK/found.json")
"$DLTOP" train --data digits --epochs 2 --no-early-stop --threads 1 --lr "$lr" --no-run-log --json \
  >"$WORK/given.json" 2>/dev/null
check "--json has lr_find, and the run equals one given --lr $lr" python3 - "$WORK/found.json" "$WORK/given.json" <<'PY'
import json, sys
found, given = (json.load(open(p)) for p in sys.argv[1:3])
f = found["lr_find"]
assert f["accepted"] is True and f["lr"] == f["suggested_lr"] and f["method"] == "valley", f
assert 1e-7 < f["suggested_lr"] < 10 and f["batches"] > 10
strip = lambda h: [{k: v for k, v in e.items() if k != "seconds"} for e in h]
assert strip(found["history"]) == strip(given["history"]), (found["history"], given["history"])
assert found["history"][0]["lr"] == f["suggested_lr"]
PY
finish
