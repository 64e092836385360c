#!/usr/bin/env bash
# The accuracy targets of the foundation and data issues, on real data, through `--json`.
source "$(dirname "$0")/lib.sh"

# field FILE EXPR: prints EXPR evaluated with d = the JSON document; holds FILE EXPR: succeeds when it is true.
field() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2], {'d': d}))" "$@"; }
holds() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if eval(sys.argv[2], {'d': d}) else 1)" "$@"; }
run() { local out=$1; shift; (cd "$WORK" && "$DLTOP" train --headless --json --no-run-log "$@" >"$out" 2>"$out.err"); }

if [ -d /usr/share/datasets/fashion-mnist ]; then
  run "$WORK/mlp.json" --data fashion-mnist --model mlp:128 --optimizer adam --batch 128 --epochs 5
  acc=$(field "$WORK/mlp.json" "d['test']['accuracy']")
  check "fashion-mnist mlp:128, 5 epochs: test accuracy $acc ≥ 0.87" python3 -c "import sys; sys.exit(0 if $acc >= 0.87 else 1)"
  check "the --json document has the documented keys" holds "$WORK/mlp.json" "all(k in d for k in ['dataset','task','classes','epochs_run','best_epoch','stopped_early','stop_reason','history','test'])"
  check "history counts epochs from 1 with the documented fields" holds "$WORK/mlp.json" "[h['epoch'] for h in d['history']] == [1,2,3,4,5] and set(d['history'][0]) >= {'epoch','loss','accuracy','val_loss','val_accuracy','lr','seconds'}"
  check "test metrics include the 10x10 confusion matrix and F1" holds "$WORK/mlp.json" "len(d['test']['confusion']) == 10 and len(d['test']['f1']) == 10 and d['test']['macro_f1'] > 0.8"
  check "stdout holds only the JSON document (progress on stderr)" grep -q '^epoch 5/5' "$WORK/mlp.json.err"
  if [ "${E2E_SKIP_CNN:-0}" != 1 ]; then
    run "$WORK/cnn.json" --data fashion-mnist --model cnn --epochs 5
    acc=$(field "$WORK/cnn.json" "d['test']['accuracy']")
    check "fashion-mnist cnn, 5 epochs: test accuracy $acc ≥ 0.90" python3 -c "import sys; sys.exit(0 if $acc >= 0.90 else 1)"
  fi
fi

run "$WORK/bc.json" --data breast-cancer
acc=$(field "$WORK/bc.json" "d['test']['accuracy']")
check "breast-cancer: test accuracy $acc ≥ 0.95" python3 -c "import sys; sys.exit(0 if $acc >= 0.95 else 1)"
check "breast-cancer reports malignant recall and precision" holds "$WORK/bc.json" "d['test']['positive']['class'] == 'malignant' and 0 < d['test']['positive']['recall'] <= 1 and 0 < d['test']['positive']['precision'] <= 1"

run "$WORK/spiral-mlp.json" --data spiral --model mlp:64,64 --epochs 200 --no-early-stop
run "$WORK/spiral-linear.json" --data spiral --model linear --epochs 200 --no-early-stop
mlp=$(field "$WORK/spiral-mlp.json" "d['test']['accuracy']")
linear=$(field "$WORK/spiral-linear.json" "d['test']['accuracy']")
check "spiral: mlp:64,64 reaches $mlp ≥ 0.95" python3 -c "import sys; sys.exit(0 if $mlp >= 0.95 else 1)"
check "spiral: linear stays near chance ($linear ≤ 0.70)" python3 -c "import sys; sys.exit(0 if $linear <= 0.70 else 1)"

(cd "$WORK" && "$DLTOP" train --data stock --model linear --l2 0.01 --lr 0.1 \
  --schedule exp-staircase:rate=0.96,steps=50 --batch full --epochs 101 --headless --no-run-log >"$WORK/stock.txt" 2>&1)
check "stock (seed 004): 101 epochs run" grep -q '^epoch 101/101' "$WORK/stock.txt"
check "stock: the loss falls" python3 - "$WORK/stock.txt" <<'PY'
import re, sys
losses = [float(m.group(1)) for m in re.finditer(r"^epoch \d+/101  loss (\S+)", open(sys.argv[1]).read(), re.M)]
sys.exit(0 if len(losses) == 101 and losses[-1] < losses[0] / 10 and losses[-1] < losses[50] else 1)
PY
check "stock: the learning rate decays 0.1 → 0.096 → 0.0922 (0.1·0.96^⌊step/50⌋)" bash -c "grep -q '^epoch 50/101 .*lr 0.1000' '$WORK/stock.txt' && grep -q '^epoch 51/101 .*lr 0.0960' '$WORK/stock.txt' && grep -q '^epoch 101/101 .*lr 0.0922' '$WORK/stock.txt'"
finish
