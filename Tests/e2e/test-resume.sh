#!/usr/bin/env bash
# `dltop train --resume RUN_DIR`: a run killed with SIGKILL continues from its last completed
# epoch; the log then holds epochs 1..N exactly once, with the same numbers as a run that was
# never interrupted (the checkpoint restores weights, optimizer state, schedule, early stopping,
# random generators and sample order). A finished run goes on with a larger --epochs; a flag that
# contradicts the run, and a damaged checkpoint, are refused.
source "$(dirname "$0")/lib.sh"

EPOCHS=${RESUME_EPOCHS:-30}
FLAGS=(--data digits --model mlp:128,64 --dropout 0.2 --batchnorm --schedule cosine --batch 4
  --early-stop patience=50,restore-best --augment shift --epochs "$EPOCHS")
epochs_of() { python3 -c '
import json, sys
print(" ".join(str(json.loads(l)["epoch"]) for l in open(sys.argv[1]) if "\"type\":\"epoch\"" in l))' "$1"; }
# The numbers of every epoch line, without the timings (seconds, samples/s).
numbers_of() { python3 -c '
import json, sys
for l in open(sys.argv[1]):
    r = json.loads(l)
    if r["type"] == "epoch":
        print(r["epoch"], sorted((k, v) for k, v in r["metrics"].items() if k != "samples_per_s"))' "$1"; }

"$DLTOP" train "${FLAGS[@]}" --headless --run-dir "$WORK/reference" >"$WORK/reference.out" 2>&1
check "the uninterrupted reference run finishes" grep -q "all $EPOCHS epochs run" "$WORK/reference.out"

"$DLTOP" train "${FLAGS[@]}" --headless --run-dir "$WORK/run" >"$WORK/killed.out" 2>&1 &
pid=$!
logged() { local n; n=$(grep -c '"type":"epoch"' "$WORK/run/run.jsonl" 2>/dev/null); echo "${n:-0}"; }
for _ in $(seq 1 600); do [ "$(logged)" -ge 4 ] && break; sleep 0.05; done
kill -9 "$pid"
wait "$pid" 2>/dev/null
before=$(logged)
check "the run was killed part-way ($before of $EPOCHS epochs logged)" test "$before" -ge 4 -a "$before" -lt "$EPOCHS"
check "resume.bin was written" test -s "$WORK/run/resume.bin"

# Resume in the dashboard, in tmux, and let it finish.
start_tmux 120 40 "$DLTOP" train --resume "$WORK/run"
wait_for '^FINISHED' 180
check "the dashboard shows the resumed run at its last epoch" bash -c "tmux capture-pane -p -t '$SESSION' | grep -qE 'epoch $EPOCHS/$EPOCHS'"
send q
wait_for 'EXIT=0' 20
check "the resumed run exits 0" bash -c "tmux capture-pane -p -t '$SESSION' | grep -q 'EXIT=0'"
check "the log holds epochs 1..$EPOCHS exactly once" test "$(epochs_of "$WORK/run/run.jsonl")" = "$(seq -s ' ' 1 "$EPOCHS")"
check "one header line" test "$(grep -c '"type":"header"' "$WORK/run/run.jsonl")" = 1
check "the log says where it resumed" grep -q '"text":"resumed from epoch [0-9]*' "$WORK/run/run.jsonl"
numbers_of "$WORK/reference/run.jsonl" >"$WORK/reference.numbers"
numbers_of "$WORK/run/run.jsonl" >"$WORK/run.numbers"
check "every epoch's numbers equal the uninterrupted run's, bit for bit" cmp -s "$WORK/reference.numbers" "$WORK/run.numbers"
cmp -s "$WORK/reference.numbers" "$WORK/run.numbers" || diff "$WORK/reference.numbers" "$WORK/run.numbers" | head -6
check "the test result equals the uninterrupted run's" test \
  "$(grep -E '"type":"test"' "$WORK/run/run.jsonl" | cut -c1-200)" = "$(grep -E '"type":"test"' "$WORK/reference/run.jsonl" | cut -c1-200)"

# A finished run: without --epochs there is nothing left; with more it goes on.
"$DLTOP" train --resume "$WORK/reference" --headless >/dev/null 2>"$WORK/done.err"; status=$?
check "resuming a finished run without --epochs is refused (status $status)" test "$status" = 1
check "… saying how to train further" grep -q "finished its $EPOCHS epochs; give --epochs N above $EPOCHS" "$WORK/done.err"
more=$((EPOCHS + 3))
"$DLTOP" train --resume "$WORK/reference" --epochs "$more" --headless >"$WORK/more.out" 2>&1; status=$?
check "a finished run goes on with --epochs $more (status $status)" test "$status" = 0
check "… printing the resumed epochs only" test "$(grep -cE '^epoch [0-9]+/' "$WORK/more.out")" = 3
check "its log holds epochs 1..$more exactly once" test "$(epochs_of "$WORK/reference/run.jsonl")" = "$(seq -s ' ' 1 "$more")"
check "… one test result and one end (the old ones were cut)" test \
  "$(grep -c '"type":"test"' "$WORK/reference/run.jsonl")$(grep -c '"type":"end"' "$WORK/reference/run.jsonl")" = 11

"$DLTOP" train --resume "$WORK/run" --lr 0.5 --epochs 99 --headless >/dev/null 2>"$WORK/conflict.err"; status=$?
check "a flag that contradicts the run is refused (status $status)" test "$status" = 1
check "… naming the flag and the run's value" grep -q -- '--lr 0.5 conflicts with the resumed run.s --lr 0.001' "$WORK/conflict.err"
printf '\x01' | dd of="$WORK/run/resume.bin" bs=1 seek=300 conv=notrunc 2>/dev/null
"$DLTOP" train --resume "$WORK/run" --epochs 99 --headless >/dev/null 2>"$WORK/damaged.err"; status=$?
check "a damaged resume.bin is refused by its checksum (status $status)" grep -q 'resume.bin: checksum mismatch' "$WORK/damaged.err"
finish
