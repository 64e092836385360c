#!/usr/bin/env bash
# Saved weights lead somewhere: last-weights.bin (and best-weights.bin after a restore) hold every
# tensor, BatchNorm's running statistics included; `dltop eval` prints exactly the test line the
# run printed; a damaged file is refused by its checksum.
source "$(dirname "$0")/lib.sh"

"$DLTOP" train --data breast-cancer --positive malignant --batchnorm --epochs 6 --no-early-stop \
  --headless --run-dir "$WORK/bn" >"$WORK/bn.out" 2>&1
printed=$(grep -E '^test: loss' "$WORK/bn.out")
check "the run printed its test line ($printed)" test -n "$printed"
check "last-weights.bin written" test -s "$WORK/bn/last-weights.bin"
"$DLTOP" eval --weights "$WORK/bn/last-weights.bin" >"$WORK/eval.out" 2>&1; status=$?
check "eval exits 0 (got $status)" test "$status" = 0
check "eval reproduces the test line exactly (BatchNorm)" test "$(grep -E '^test: loss' "$WORK/eval.out")" = "$printed"
check "eval prints the per-class table with the positive class" grep -q "positive class 'malignant'" "$WORK/eval.out"
check "eval names what it loaded" grep -qE '^weights: .*\(last of epoch 6, [0-9]+ tensors, model mlp:128\)' "$WORK/eval.out"

"$DLTOP" train --data digits --epochs 60 --early-stop patience=1,restore-best --headless \
  --run-dir "$WORK/es" >"$WORK/es.out" 2>&1
printed=$(grep -E '^test: loss' "$WORK/es.out")
check "early stopping restored the best epoch" grep -q 'restored the weights of epoch' "$WORK/es/run.jsonl"
check "best-weights.bin written" test -s "$WORK/es/best-weights.bin"
check "eval of best-weights.bin reproduces the test line of the restored model" \
  test "$("$DLTOP" eval --weights "$WORK/es/best-weights.bin" | grep -E '^test: loss')" = "$printed"

cp "$WORK/bn/last-weights.bin" "$WORK/damaged.bin"
printf '\x01' | dd of="$WORK/damaged.bin" bs=1 seek=200 conv=notrunc 2>/dev/null
"$DLTOP" eval --weights "$WORK/damaged.bin" >/dev/null 2>"$WORK/damaged.err"; status=$?
check "a damaged file is refused (status $status)" test "$status" = 1
check "… by its checksum, naming the file" grep -q 'damaged.bin: checksum mismatch' "$WORK/damaged.err"
"$DLTOP" eval --weights "$WORK/bn/last-weights.bin" --data iris >/dev/null 2>"$WORK/wrong.err"; status=$?
check "weights for another data set are refused (status $status)" test "$status" = 1
check "… saying which tensor does not fit" grep -q 'does not fit the model' "$WORK/wrong.err"
finish
