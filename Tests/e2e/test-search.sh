#!/usr/bin/env bash
# dltop search: the dashboard draws, a running trial is stopped by key, the search finishes and
# prints the best command; --json has the documented keys; lr-find --json too.
source "$(dirname "$0")/lib.sh"

# One trial at a time, long enough (150 digits epochs) to be stopped by key.
start_tmux 120 36 "$DLTOP" search --data digits --lr 1e-4..1e-1 --dropout 0..0.3 --batch 32,64 \
  --trials 3 --epochs 150 --parallel 1 --threads 1 --prune none --search-dir "$WORK/s"
check "the search dashboard draws its panels" wait_for 'trials by val_loss' 60
check "the scatter of val_loss against lr is drawn" wait_for 'val_loss vs lr' 5
check "a trial is running" wait_for ' 1  1 running' 60
send x
check "x stops the running trial" wait_for ' 1  1 stopped' 30
check "the search finishes" wait_for '^FINISHED' 120
send q
check "quitting prints the best command" wait_for 'best command: dltop train --data digits' 30
check "and exits with 0" wait_for 'EXIT=0' 10
check "trials.csv has a row per trial" test "$(grep -cE '^[0-9]+,' "$WORK/s/trials.csv")" -eq 3
check "the stopped trial says it was stopped by key" grep -q '^1,1,stopped,.*stopped by key' "$WORK/s/trials.csv"
check "the best command is saved" grep -q '^dltop train --data digits' "$WORK/s/best-command.txt"
"$DLTOP" diagnose "$WORK/s/trial-002/run.jsonl" >"$WORK/diagnose.txt" 2>&1
check "a trial's run log is readable by diagnose" grep -q 'dltop-runlog, 150 epochs' "$WORK/diagnose.txt"

# Headless --json: the documented document, test split evaluated once at the end.
"$DLTOP" search --data iris --lr 1e-3..1e-1 --model 'mlp:16/mlp:32,16' --trials 6 --rounds 2 --epochs 5 \
  --search-dir "$WORK/j" --json >"$WORK/search.json" 2>"$WORK/search.err"
check "search --json exits with 0" test $? -eq 0
check "search --json has the documented keys" python3 - "$WORK/search.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert set(["trials", "best", "test", "pruned_epochs_saved"]) <= set(d)
assert len(d["trials"]) == 6
for t in d["trials"]:
    assert set(["id", "round", "params", "epochs", "val_loss", "val_accuracy", "status"]) <= set(t)
    assert set(t["params"]) == {"lr", "model"}
assert set(["id", "params", "command"]) <= set(d["best"])
assert d["best"]["command"].startswith("dltop train --data iris")
assert 0 <= d["test"]["accuracy"] <= 1 and d["test"]["trial"] == d["best"]["id"]
assert [t["round"] for t in d["trials"]] == [1, 1, 1, 2, 2, 2]
PY
check "no trial evaluated the test split (no test line in any trial's run log)" \
  bash -c "! grep -l '\"type\":\"test\"' '$WORK'/j/trial-*/run.jsonl"
check "every trial ended before the one test evaluation" python3 - "$WORK/search.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert all(t["status"] in ("done", "pruned", "stopped", "failed") for t in d["trials"])
assert d["test"]["samples"] > 0
PY
check "progress went to stderr, the best command last in it" grep -q 'trial 6 ' "$WORK/search.err"

# Seeded and reproducible: two trials at a time prune and rank exactly as one at a time.
for p in 1 2; do
  "$DLTOP" search --data digits --lr 1e-6..1e-1 --dropout 0..0.5 --trials 10 --rounds 2 --epochs 3 \
    --parallel $p --threads 1 --search-dir "$WORK/rep$p" --headless >/dev/null 2>&1
done
check "--parallel 2 gives the same trials, statuses and losses as --parallel 1" \
  cmp <(cut -d, -f1-8 "$WORK/rep1/trials.csv") <(cut -d, -f1-8 "$WORK/rep2/trials.csv")

"$DLTOP" lr-find --data digits --json >"$WORK/lr.json" 2>"$WORK/lr.err"
check "lr-find --json has lrs, losses, suggested_lr, method" python3 - "$WORK/lr.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert len(d["lrs"]) == len(d["losses"]) > 10 and d["method"] == "valley"
assert 1e-7 <= d["suggested_lr"] <= 10 and d["lrs"][0] == 1e-07
PY
"$DLTOP" lr-find --data digits >"$WORK/lr.txt" 2>&1
check "lr-find draws the plot with the valley mark and prints a train command" \
  grep -q 'train with: dltop train --data digits --lr' "$WORK/lr.txt"
"$DLTOP" search --data iris --lr 1e-2..1e-4 >/dev/null 2>"$WORK/bad.txt"
check "a reversed range is refused naming the flag" grep -q -- "--lr: the range '1e-2..1e-4' needs LOW < HIGH" "$WORK/bad.txt"
# An Optuna study (SQLite storage written by optuna; Tests/DLTopMonitorTests/Fixtures/optuna).
study="$(cd "$(dirname "$0")/../DLTopMonitorTests/Fixtures/optuna" && pwd)/study.db"
timeout -s INT 5 "$DLTOP" watch "$study" --headless >"$WORK/optuna.txt" 2>&1
check "watch on an Optuna study lists every trial with its state" python3 - "$WORK/optuna.txt" <<'PY'
import re, sys
lines = [l for l in open(sys.argv[1]) if l.startswith("trial ")]
states = {int(l.split()[1]): l.split()[2] for l in lines}
assert sorted(states) == list(range(14)), states
assert states[2] == "done" and states[5] == "failed" and states[6] == "pruned" and states[12] == "running" and states[13] == "queued"
assert "value 0.766333" in [l for l in lines if l.startswith("trial 2 ")][0]
PY
tmux kill-session -t "$SESSION" 2>/dev/null
start_tmux 120 36 "$DLTOP" watch "$study"
check "the Optuna study opens in the search view" wait_for 'trials by val_loss' 20
check "its best trial is Optuna's best" wait_for 'best #2 val_loss 0.7663' 5
send x
check "steering keys say the study is read-only" wait_for 'read-only: dltop cannot pause' 5
send q
check "q leaves the Optuna view" wait_for 'EXIT=0' 10
finish
