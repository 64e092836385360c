#!/usr/bin/env bash
# Makes the labelled diagnosis corpus: real `dltop train` runs with settings chosen to cause each
# condition (healthy, overfitting, underfitting, divergence, oscillation, plateau), always with
# --no-early-stop so the condition stays visible to the end.
#
# Usage: make_corpus.sh DLTOP [OUT_DIR]
#   DLTOP    path to a built dltop binary (e.g. .build-release/release/dltop)
#   OUT_DIR  where the fixtures and corpus.tsv go (default: this script's folder)
#
# Each run's run.jsonl is copied to OUT_DIR/<label>-<nn>-<description>.jsonl without its sampled
# "batch" lines (header, epoch and event lines are kept). corpus.tsv lists file, label, command
# and why. The label is what a person sees in the curves (loss/val_loss/accuracy per epoch); each
# run was inspected, and a run whose curves did not show the intended condition was relabelled
# (the why column says so) or left out. Runs are deterministic for a given binary (fixed seeds);
# set OPENBLAS_NUM_THREADS=1 for bit-identical numbers.
#
# Left out after inspection, because a careful person could give them two labels:
#   digits mlp:128 SGD lr 10 / lr 3, momentum lr 2, Adam lr 1: the loss exploded in epochs 1-2, then
#     the network sat dead at chance (divergence, then plateau);
#   iris mlp:32 momentum lr 5: losses of 10-57 swinging, yet ending below the start (divergence or
#     oscillation); wine linear SGD lr 50: train loss exactly 0, val_loss frozen;
#   digits mlp:64 SGD lr 0.5 batch 8: early spikes, then a slow val_loss rise (oscillation or
#     overfitting); breast-cancer mlp:64 RMSprop lr 0.05: zig-zag, then a saturated overfit;
#   spiral mlp:64 Adam lr 0.05 batch 8: spikes, then converged; fashion-mnist SGD lr 0.5 batch 16:
#     stuck near chance (oscillation or plateau); wine mlp:32 SGD lr 1 batch 4: val_loss exactly 0;
#   digits mlp:8 sigmoid dropout 0.7: train accuracy 34% under dropout but val accuracy 94%;
#   wine mlp:2 L2 0.5 and breast-cancer linear L2 3: errors 5-9%, not clearly high;
#   spiral mlp:4 tanh: still improving at the end; wine mlp:1 sigmoid L2 0.3: stuck at the majority
#     class (plateau or underfitting); wine 12 rows mlp:256,256 SGD: 7-point gap but val_loss
#     still falling; fashion-mnist 5000:1000 mlp:128 15 epochs: val_loss starting to creep up
#     (healthy or the onset of overfitting).
set -euo pipefail

if [[ $# -lt 1 || ! -x $1 ]]; then
  echo "usage: $0 DLTOP [OUT_DIR]  (DLTOP: path to the dltop binary)" >&2
  exit 2
fi
DLTOP=$1
OUT=${2:-$(cd "$(dirname "$0")" && pwd)}
export OPENBLAS_NUM_THREADS=1
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$OUT"
rm -f "$OUT"/*.jsonl
MANIFEST="$OUT/corpus.tsv"
printf 'file\tlabel\tcommand\twhy\n' >"$MANIFEST"

# run LABEL NAME WHY ARGS...: trains with ARGS, strips batch lines, appends to the manifest.
run() {
  local label=$1 name=$2 why=$3
  shift 3
  local dir="$WORK/$name"
  # A diverging run may end with a non-zero status; its log is what matters.
  "$DLTOP" train "$@" --no-early-stop --headless --json --run-dir "$dir" >/dev/null 2>"$WORK/$name.err" || true
  if [[ ! -s $dir/run.jsonl ]]; then
    echo "run $name wrote no run log:" >&2
    cat "$WORK/$name.err" >&2
    exit 1
  fi
  grep -v '"type":"batch"' "$dir/run.jsonl" >"$OUT/$name.jsonl"
  printf '%s\t%s\t%s\t%s\n' "$name.jsonl" "$label" "dltop train $* --no-early-stop" "$why" >>"$MANIFEST"
  echo "$name done" >&2
}

# --- healthy: sensible settings that converge --------------------------------------------------
run healthy healthy-01-digits-mlp-adam "mlp:128, Adam 1e-3: loss and val_loss fall together to 0.07/0.11, val acc 98%" \
  --data digits --model mlp:128 --optimizer adam --lr 0.001 --epochs 30
run healthy healthy-02-iris-mlp-adam "mlp:16, Adam 0.01: converges by epoch 35, val_loss level within noise, val acc 96%" \
  --data iris --model mlp:16 --optimizer adam --lr 0.01 --batch 16 --epochs 80
run healthy healthy-03-wine-linear-sgd "softmax regression, SGD 0.05: smooth fall, train acc 100%, val acc 100%" \
  --data wine --model linear --optimizer sgd --lr 0.05 --batch 16 --epochs 60
run healthy healthy-04-breast-cancer-momentum-l2 "mlp:32, L2 1e-3, momentum: val_loss levels at 0.10, val acc 95%, no rise" \
  --data breast-cancer --model mlp:32 --optimizer momentum --lr 0.01 --batch 32 --l2 0.001 --epochs 50
run healthy healthy-05-spiral-mlp-adam "mlp:64,64, Adam 0.01: learns the spirals (val acc 100%); later val_loss wiggles at the 0.001-0.01 level, noise after a 100x fall" \
  --data spiral --model mlp:64,64 --optimizer adam --lr 0.01 --batch 32 --epochs 60
run healthy healthy-06-digits-rmsprop-dropout "mlp:64, dropout 0.2, RMSprop: both losses fall steadily, val acc 97%" \
  --data digits --model mlp:64 --optimizer rmsprop --lr 0.001 --dropout 0.2 --epochs 40
run healthy healthy-07-wine-mlp-adagrad "mlp:32, Adagrad 0.05: both losses fall steadily, val acc 100%" \
  --data wine --model mlp:32 --optimizer adagrad --lr 0.05 --batch 16 --epochs 50
run healthy healthy-08-fashion-mlp-dropout "fashion-mnist 10000:2000, mlp:128, dropout 0.3, Adam: val_loss 0.52 -> 0.35 with train, val acc 87.5%" \
  --data fashion-mnist --split 10000:2000 --model mlp:128 --optimizer adam --lr 0.001 --dropout 0.3 --epochs 10
run healthy healthy-09-breast-cancer-linear-adam "logistic regression, Adam 0.01: both losses still falling slowly, val acc 97.7%" \
  --data breast-cancer --model linear --optimizer adam --lr 0.01 --batch 32 --epochs 40
run healthy healthy-10-digits-mlp-momentum "mlp:64, momentum 0.01: val_loss keeps falling to 0.088, val acc 97.8%" \
  --data digits --model mlp:64 --optimizer momentum --lr 0.01 --batch 32 --epochs 40
run healthy healthy-11-wine-linear-sgd-lr2 "made as oscillation (SGD lr 2, batch 4), relabelled: the curves fall smoothly, val acc 100%" \
  --data wine --model linear --optimizer sgd --lr 2 --batch 4 --epochs 60
run healthy healthy-12-wine-20-mlp256x2 "made as overfitting (20 training rows, mlp:256,256, 300 epochs), relabelled: val_loss falls all run (0.12 -> 0.079), val acc 96%, gap narrowing" \
  --data wine --split 20:80:78 --model mlp:256,256 --optimizer adam --lr 0.001 --epochs 300

# --- overfitting: big network, tiny train split, many epochs, no regularization ----------------
run overfitting overfitting-01-digits-100-mlp512x2 "100 training images, mlp:512,512: train error 0% vs val error 10%, val_loss flat at 0.27 while train_loss -> 2e-4" \
  --data digits --split 100:800:897 --model mlp:512,512 --optimizer adam --lr 0.001 --epochs 200
run overfitting overfitting-02-breast-cancer-40-mlp512x2 "40 training rows, mlp:512,512: val_loss up from 0.227 to 0.273 while train_loss -> 1e-5" \
  --data breast-cancer --split 40:260:269 --model mlp:512,512 --optimizer adam --lr 0.001 --epochs 300
run overfitting overfitting-03-spiral-60-mlp256x2 "60 training points, mlp:256,256: val_loss 0.50 -> 0.98 while train_loss -> 0.0015" \
  --data spiral --split 60:470:470 --model mlp:256,256 --optimizer adam --lr 0.01 --epochs 300
run overfitting overfitting-04-digits-60-momentum "60 training images, mlp:256, momentum: train error 0% vs val error 15%, val_loss creeping up" \
  --data digits --split 60:800:937 --model mlp:256 --optimizer momentum --lr 0.05 --batch 16 --epochs 300
run overfitting overfitting-05-fashion-500-mlp512x2 "fashion-mnist 500 training images, mlp:512,512: val_loss 0.65 -> 1.0 while train_loss -> 6e-4" \
  --data fashion-mnist --split 500:2000 --model mlp:512,512 --optimizer adam --lr 0.001 --epochs 80
run overfitting overfitting-06-breast-cancer-30-rmsprop "30 training rows, mlp:256,256, RMSprop: val_loss 0.13 -> 0.23 while train_loss -> 1e-7" \
  --data breast-cancer --split 30:270:269 --model mlp:256,256 --optimizer rmsprop --lr 0.001 --epochs 200
run overfitting overfitting-07-iris-15-mlp256x2 "15 training flowers, mlp:256,256: val_loss 1.2 -> 4.4 while train_loss -> 1e-6, val acc 73%" \
  --data iris --split 15:60:75 --model mlp:256,256 --optimizer adam --lr 0.01 --epochs 300
run overfitting overfitting-08-digits-200-adam "200 training images, mlp:512,512, Adam 0.01: val_loss 0.19 -> 0.30 while train_loss -> 2e-6" \
  --data digits --split 200:800:797 --model mlp:512,512 --optimizer adam --lr 0.01 --epochs 150

# --- underfitting: too little capacity or too much regularization -------------------------------
run underfitting underfitting-01-spiral-linear "linear model on spirals: train/val acc 62%/64% (chance 50%), flat from epoch 15" \
  --data spiral --model linear --optimizer adam --lr 0.01 --batch 32 --epochs 60
run underfitting underfitting-02-digits-mlp4-l2 "mlp:4, L2 0.1: train/val error 14%/15% (the notes' example), curves flat" \
  --data digits --model mlp:4 --optimizer adam --lr 0.01 --l2 0.1 --epochs 60
run underfitting underfitting-03-digits-linear-l2 "linear, L2 2: train acc 82%, val 76-90%, flat from epoch 9" \
  --data digits --model linear --optimizer adam --lr 0.01 --l2 2 --epochs 60
run underfitting underfitting-04-spiral-mlp2-sgd "mlp:2, SGD: train/val acc 64%/67%, loss levels off" \
  --data spiral --model mlp:2 --optimizer sgd --lr 0.1 --batch 16 --epochs 80
run underfitting underfitting-05-fashion-linear-l2 "fashion-mnist linear, L2 0.1, Adam 1e-3: train/val error 16%/20%, flat from epoch 10" \
  --data fashion-mnist --split 5000:1000 --model linear --optimizer adam --lr 0.001 --l2 0.1 --epochs 20
run underfitting underfitting-06-digits-mlp16-l2 "mlp:16, L2 0.3, momentum: train/val acc 72%/68-79%, flat" \
  --data digits --model mlp:16 --optimizer momentum --lr 0.01 --l2 0.3 --batch 32 --epochs 60
run underfitting underfitting-07-iris-linear-l2 "linear, L2 1: train/val error 14%/9-13%, flat from epoch 9" \
  --data iris --model linear --optimizer adam --lr 0.05 --l2 1 --batch 16 --epochs 80

# --- divergence: learning rate far too large (loss grows to inf/NaN) -----------------------------
run divergence divergence-01-breast-cancer-momentum-lr5 "momentum lr 5: loss 20 -> 41 -> 64, then infinite in epoch 3" \
  --data breast-cancer --model mlp:64 --optimizer momentum --lr 5 --batch 32 --epochs 20
run divergence divergence-02-iris-sgd-lr20 "SGD lr 20: loss 55 -> 60 -> NaN at epoch 3" \
  --data iris --model mlp:32 --optimizer sgd --lr 20 --batch 16 --epochs 20
run divergence divergence-03-spiral-momentum-lr10 "momentum lr 10: loss 29 (chance 0.69) and infinite gradients in epoch 1, the run stops" \
  --data spiral --model mlp:64,64 --optimizer momentum --lr 10 --batch 32 --epochs 20
run divergence divergence-04-fashion-sgd-lr10 "fashion-mnist, SGD lr 10: NaN in epoch 1" \
  --data fashion-mnist --split 5000:1000 --model mlp:128 --optimizer sgd --lr 10 --epochs 10
run divergence divergence-05-wine-momentum-lr05 "made as oscillation (momentum lr 0.5, batch 4), relabelled: losses 10-35 swing and become NaN at epoch 11" \
  --data wine --model mlp:32 --optimizer momentum --lr 0.5 --batch 4 --epochs 60
run divergence divergence-06-wine-sgd-lr5 "SGD lr 5: losses 36-55 (chance 1.1), NaN at epoch 7" \
  --data wine --model mlp:64 --optimizer sgd --lr 5 --batch 16 --epochs 20
run divergence divergence-07-breast-cancer-big-init "normal:3 init, SGD 0.5: loss 43 and infinite gradients in epoch 1, the run stops" \
  --data breast-cancer --model mlp:64,64 --init normal:3 --optimizer sgd --lr 0.5 --batch 32 --epochs 20

# --- oscillation: large (but not divergent) learning rate, small batches ------------------------
run oscillation oscillation-01-breast-cancer-sgd-lr1 "linear, SGD lr 1, batch 8: val_loss bounces 0.09-0.34 with no trend after epoch 4" \
  --data breast-cancer --model linear --optimizer sgd --lr 1 --batch 8 --epochs 60
run oscillation oscillation-02-iris-sgd-lr1 "mlp:16, SGD lr 1, batch 4: val_loss zig-zags 0.02-0.16, train_loss 0.05-0.37" \
  --data iris --model mlp:16 --optimizer sgd --lr 1 --batch 4 --epochs 60
run oscillation oscillation-03-spiral-sgd-lr1 "mlp:64, SGD lr 1, batch 8: both losses jump 0.07 <-> 0.2 after epoch 20" \
  --data spiral --model mlp:64 --optimizer sgd --lr 1 --batch 8 --epochs 60
run oscillation oscillation-04-digits-adam-lr005 "Adam lr 0.05, batch 16: val_loss zig-zags 0.21-0.87" \
  --data digits --model mlp:128 --optimizer adam --lr 0.05 --batch 16 --epochs 40
run oscillation oscillation-05-breast-cancer-rmsprop-lr1 "made as divergence (RMSprop lr 1), relabelled: no blow-up; val_loss zig-zags 1-7, accuracy 92-99%" \
  --data breast-cancer --model mlp:128 --optimizer rmsprop --lr 1 --batch 32 --epochs 20
run oscillation oscillation-06-fashion-linear-adam-lr001 "made as underfitting (linear, L2 0.1, Adam 0.01), relabelled: val_loss zig-zags 0.62-1.04 epoch to epoch" \
  --data fashion-mnist --split 5000:1000 --model linear --optimizer adam --lr 0.01 --l2 0.1 --epochs 20
run oscillation oscillation-07-breast-cancer-sgd-lr20 "made as divergence (linear, SGD lr 20), relabelled: no blow-up; val_loss zig-zags 0.49-2.1" \
  --data breast-cancer --model linear --optimizer sgd --lr 20 --batch 32 --epochs 20
run oscillation oscillation-08-iris-adam-lr01 "mlp:32, Adam lr 0.1, batch 4: both losses bounce 0.04-0.23 with no trend after epoch 10" \
  --data iris --model mlp:32 --optimizer adam --lr 0.1 --batch 4 --epochs 60

# --- plateau: learning rate far too small, or a network stuck from its initialization ----------
run plateau plateau-01-digits-sgd-lr1e-6 "SGD lr 1e-6: loss 3.03 -> 3.027, accuracy 7.6% throughout" \
  --data digits --model mlp:128 --optimizer sgd --lr 0.000001 --epochs 40
run plateau plateau-02-breast-cancer-adam-lr1e-7 "Adam lr 1e-7: loss 0.811 -> 0.808" \
  --data breast-cancer --model mlp:64 --optimizer adam --lr 0.0000001 --batch 32 --epochs 40
run plateau plateau-03-wine-zeros-sigmoid "zeros init, sigmoid: symmetric units, loss stuck at 1.09 (ln 3), accuracy at the majority class" \
  --data wine --model mlp:32 --activation sigmoid --init zeros --optimizer sgd --lr 0.01 --batch 16 --epochs 40
run plateau plateau-04-iris-sgd-lr1e-5 "SGD lr 1e-5: loss 1.81 -> 1.79 in 50 epochs" \
  --data iris --model mlp:16 --optimizer sgd --lr 0.00001 --batch 16 --epochs 50
run plateau plateau-05-spiral-adam-lr1e-6 "Adam lr 1e-6: loss 0.730 -> 0.702 in 40 epochs, accuracy at chance" \
  --data spiral --model mlp:64,64 --optimizer adam --lr 0.000001 --batch 32 --epochs 40
run plateau plateau-06-fashion-sgd-lr1e-6 "fashion-mnist, SGD lr 1e-6: loss 2.92 -> 2.91, accuracy 6%" \
  --data fashion-mnist --split 5000:1000 --model mlp:128 --optimizer sgd --lr 0.000001 --epochs 10
run plateau plateau-07-digits-sigmoid-tiny-init "sigmoid mlp:64,64, normal:0.0001 init: loss fixed at 2.303 (ln 10), accuracy at chance" \
  --data digits --model mlp:64,64 --activation sigmoid --init normal:0.0001 --optimizer sgd --lr 0.01 --epochs 40
run plateau plateau-08-breast-cancer-adagrad-lr1e-6 "Adagrad lr 1e-6: loss 1.798 -> 1.797" \
  --data breast-cancer --model linear --optimizer adagrad --lr 0.000001 --batch 32 --epochs 40
