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
run healthy healthy-01-digits-mlp-adam "mlp:128, Adam 1e-3: loss and val_loss fall and level off together" \
  --data digits --model mlp:128 --optimizer adam --lr 0.001 --epochs 30
run healthy healthy-02-iris-mlp-adam "small MLP on iris, Adam 0.01: smooth convergence" \
  --data iris --model mlp:16 --optimizer adam --lr 0.01 --batch 16 --epochs 80
run healthy healthy-03-wine-linear-sgd "softmax regression, SGD 0.05: converges, no gap" \
  --data wine --model linear --optimizer sgd --lr 0.05 --batch 16 --epochs 60
run healthy healthy-04-breast-cancer-momentum-l2 "mlp:32 with L2 1e-3, momentum 0.01: converges" \
  --data breast-cancer --model mlp:32 --optimizer momentum --lr 0.01 --batch 32 --l2 0.001 --epochs 50
run healthy healthy-05-spiral-mlp-adam "mlp:64,64 on spiral, Adam 0.01: learns the spirals" \
  --data spiral --model mlp:64,64 --optimizer adam --lr 0.01 --batch 32 --epochs 60
run healthy healthy-06-digits-rmsprop-dropout "mlp:64 with dropout 0.2, RMSprop 1e-3" \
  --data digits --model mlp:64 --optimizer rmsprop --lr 0.001 --dropout 0.2 --epochs 40
run healthy healthy-07-wine-mlp-adagrad "mlp:32, Adagrad 0.05" \
  --data wine --model mlp:32 --optimizer adagrad --lr 0.05 --batch 16 --epochs 50
run healthy healthy-08-fashion-mlp-adam "fashion-mnist 5000:1000, mlp:128, Adam 1e-3" \
  --data fashion-mnist --split 5000:1000 --model mlp:128 --optimizer adam --lr 0.001 --epochs 15
run healthy healthy-09-breast-cancer-linear-adam "logistic regression, Adam 0.01" \
  --data breast-cancer --model linear --optimizer adam --lr 0.01 --batch 32 --epochs 40

# --- overfitting: big network, tiny train split, many epochs, no regularization ----------------
run overfitting overfitting-01-digits-100-mlp512x2 "100 training images, mlp:512,512, Adam, 200 epochs" \
  --data digits --split 100:800:897 --model mlp:512,512 --optimizer adam --lr 0.001 --epochs 200
run overfitting overfitting-02-breast-cancer-40-mlp512x2 "40 training rows, mlp:512,512, Adam, 300 epochs" \
  --data breast-cancer --split 40:260:269 --model mlp:512,512 --optimizer adam --lr 0.001 --epochs 300
run overfitting overfitting-03-wine-20-mlp256x2 "20 training rows, mlp:256,256, Adam, 300 epochs" \
  --data wine --split 20:80:78 --model mlp:256,256 --optimizer adam --lr 0.001 --epochs 300
run overfitting overfitting-04-spiral-60-mlp256x2 "60 training points, mlp:256,256, Adam 0.01, 300 epochs" \
  --data spiral --split 60:470:470 --model mlp:256,256 --optimizer adam --lr 0.01 --epochs 300
run overfitting overfitting-05-digits-60-momentum "60 training images, mlp:256, momentum 0.05, 300 epochs" \
  --data digits --split 60:800:937 --model mlp:256 --optimizer momentum --lr 0.05 --batch 16 --epochs 300
run overfitting overfitting-06-fashion-500-mlp512x2 "fashion-mnist 500 training images, mlp:512,512, Adam, 80 epochs" \
  --data fashion-mnist --split 500:2000 --model mlp:512,512 --optimizer adam --lr 0.001 --epochs 80
run overfitting overfitting-07-breast-cancer-30-rmsprop "30 training rows, mlp:256,256, RMSprop, 200 epochs" \
  --data breast-cancer --split 30:270:269 --model mlp:256,256 --optimizer rmsprop --lr 0.001 --epochs 200
run overfitting overfitting-08-iris-15-mlp256x2 "15 training flowers, mlp:256,256, Adam 0.01, 300 epochs" \
  --data iris --split 15:60:75 --model mlp:256,256 --optimizer adam --lr 0.01 --epochs 300

# --- underfitting: too little capacity or too much regularization -------------------------------
run underfitting underfitting-01-spiral-linear "linear model on spirals: both errors high, flat" \
  --data spiral --model linear --optimizer adam --lr 0.01 --batch 32 --epochs 60
run underfitting underfitting-02-digits-mlp4-l2 "mlp:4 with L2 0.1 on digits" \
  --data digits --model mlp:4 --optimizer adam --lr 0.01 --l2 0.1 --epochs 60
run underfitting underfitting-03-digits-linear-l2 "linear with L2 0.5 on digits" \
  --data digits --model linear --optimizer adam --lr 0.01 --l2 0.5 --epochs 60
run underfitting underfitting-04-spiral-mlp2-sgd "mlp:2 on spiral, SGD 0.1" \
  --data spiral --model mlp:2 --optimizer sgd --lr 0.1 --batch 16 --epochs 80
run underfitting underfitting-05-fashion-linear-l2 "fashion-mnist linear with L2 0.1" \
  --data fashion-mnist --split 5000:1000 --model linear --optimizer adam --lr 0.01 --l2 0.1 --epochs 20
run underfitting underfitting-06-digits-mlp8-dropout-sigmoid "mlp:8 sigmoid with dropout 0.7" \
  --data digits --model mlp:8 --activation sigmoid --dropout 0.7 --optimizer adam --lr 0.01 --epochs 60
run underfitting underfitting-07-iris-linear-l2 "linear with L2 1 on iris" \
  --data iris --model linear --optimizer adam --lr 0.05 --l2 1 --batch 16 --epochs 80
run underfitting underfitting-08-wine-mlp2-l2 "mlp:2 with L2 0.5 on wine, momentum" \
  --data wine --model mlp:2 --optimizer momentum --lr 0.05 --l2 0.5 --batch 16 --epochs 80

# --- divergence: learning rate far too large ---------------------------------------------------
run divergence divergence-01-digits-sgd-lr10 "SGD lr 10 on digits" \
  --data digits --model mlp:128 --optimizer sgd --lr 10 --epochs 20
run divergence divergence-02-breast-cancer-momentum-lr5 "momentum lr 5" \
  --data breast-cancer --model mlp:64 --optimizer momentum --lr 5 --batch 32 --epochs 20
run divergence divergence-03-wine-sgd-lr50 "linear, SGD lr 50" \
  --data wine --model linear --optimizer sgd --lr 50 --batch 16 --epochs 20
run divergence divergence-04-iris-sgd-lr20 "mlp:32, SGD lr 20" \
  --data iris --model mlp:32 --optimizer sgd --lr 20 --batch 16 --epochs 20
run divergence divergence-05-spiral-momentum-lr10 "mlp:64,64, momentum lr 10" \
  --data spiral --model mlp:64,64 --optimizer momentum --lr 10 --batch 32 --epochs 20
run divergence divergence-06-fashion-sgd-lr10 "fashion-mnist 5000:1000, SGD lr 10" \
  --data fashion-mnist --split 5000:1000 --model mlp:128 --optimizer sgd --lr 10 --epochs 10
run divergence divergence-07-digits-adam-lr1 "Adam lr 1 on digits" \
  --data digits --model mlp:128,64 --optimizer adam --lr 1 --epochs 20
run divergence divergence-08-breast-cancer-rmsprop-lr1 "RMSprop lr 1" \
  --data breast-cancer --model mlp:128 --optimizer rmsprop --lr 1 --batch 32 --epochs 20

# --- oscillation: large (but not divergent) learning rate, small batches ------------------------
run oscillation oscillation-01-breast-cancer-sgd-lr1 "linear, SGD lr 1, batch 8" \
  --data breast-cancer --model linear --optimizer sgd --lr 1 --batch 8 --epochs 60
run oscillation oscillation-02-digits-sgd-lr05 "mlp:64, SGD lr 0.5, batch 8" \
  --data digits --model mlp:64 --optimizer sgd --lr 0.5 --batch 8 --epochs 40
run oscillation oscillation-03-wine-sgd-lr2 "linear, SGD lr 2, batch 4" \
  --data wine --model linear --optimizer sgd --lr 2 --batch 4 --epochs 60
run oscillation oscillation-04-iris-sgd-lr1 "mlp:16, SGD lr 1, batch 4" \
  --data iris --model mlp:16 --optimizer sgd --lr 1 --batch 4 --epochs 60
run oscillation oscillation-05-spiral-sgd-lr1 "mlp:64, SGD lr 1, batch 8" \
  --data spiral --model mlp:64 --optimizer sgd --lr 1 --batch 8 --epochs 60
run oscillation oscillation-06-digits-adam-lr005 "Adam lr 0.05, batch 16" \
  --data digits --model mlp:128 --optimizer adam --lr 0.05 --batch 16 --epochs 40
run oscillation oscillation-07-breast-cancer-rmsprop-lr005 "mlp:64, RMSprop lr 0.05, batch 8" \
  --data breast-cancer --model mlp:64 --optimizer rmsprop --lr 0.05 --batch 8 --epochs 60
run oscillation oscillation-08-wine-momentum-lr05 "mlp:32, momentum lr 0.5, batch 4" \
  --data wine --model mlp:32 --optimizer momentum --lr 0.5 --batch 4 --epochs 60

# --- plateau: learning rate far too small, or a network stuck from its initialization ----------
run plateau plateau-01-digits-sgd-lr1e-6 "SGD lr 1e-6 on digits" \
  --data digits --model mlp:128 --optimizer sgd --lr 0.000001 --epochs 40
run plateau plateau-02-breast-cancer-adam-lr1e-7 "Adam lr 1e-7" \
  --data breast-cancer --model mlp:64 --optimizer adam --lr 0.0000001 --batch 32 --epochs 40
run plateau plateau-03-wine-zeros-sigmoid "zeros init, sigmoid, SGD 0.01" \
  --data wine --model mlp:32 --activation sigmoid --init zeros --optimizer sgd --lr 0.01 --batch 16 --epochs 40
run plateau plateau-04-iris-sgd-lr1e-5 "SGD lr 1e-5 on iris" \
  --data iris --model mlp:16 --optimizer sgd --lr 0.00001 --batch 16 --epochs 50
run plateau plateau-05-spiral-adam-lr1e-6 "Adam lr 1e-6 on spiral" \
  --data spiral --model mlp:64,64 --optimizer adam --lr 0.000001 --batch 32 --epochs 40
run plateau plateau-06-fashion-sgd-lr1e-6 "fashion-mnist 5000:1000, SGD lr 1e-6" \
  --data fashion-mnist --split 5000:1000 --model mlp:128 --optimizer sgd --lr 0.000001 --epochs 10
run plateau plateau-07-digits-sigmoid-tiny-init "sigmoid mlp:64,64 with normal:0.0001 init, SGD 0.01" \
  --data digits --model mlp:64,64 --activation sigmoid --init normal:0.0001 --optimizer sgd --lr 0.01 --epochs 40
run plateau plateau-08-breast-cancer-adagrad-lr1e-6 "Adagrad lr 1e-6" \
  --data breast-cancer --model linear --optimizer adagrad --lr 0.000001 --batch 32 --epochs 40
