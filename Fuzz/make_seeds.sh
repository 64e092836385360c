#!/usr/bin/env bash
# Writes the committed seed corpora in Fuzz/Corpus/ from the repository's real fixtures (files the
# real libraries wrote: Keras, Lightning, TensorBoard, dltop's own run logs, the sample CSVs) and
# from the Debian package dataset-fashion-mnist. Seeds are small (libFuzzer mutates them; size buys
# nothing). Run from anywhere; rewrites Fuzz/Corpus/ from scratch.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=Fuzz/Corpus
rm -rf "$corpus"
mkdir -p "$corpus"/{csv,idx,idx-gzip,jsonl,runlog,keras-csv,lightning-csv,tensorboard,theme}
monitor=Tests/DLTopMonitorTests/Fixtures
engine=Tests/DLTopEngineTests/Fixtures

# CSV data sets: the first rows of each sample, the same with ';' and tab, and every bad-CSV fixture.
for f in sample-data/*.csv; do
  head -c 1500 "$f" | sed '$d' >"$corpus/csv/$(basename "$f")"
done
head -c 1500 sample-data/iris.csv | sed '$d' | tr ',' ';' >"$corpus/csv/iris-semicolon.csv"
head -c 1500 sample-data/iris.csv | sed '$d' | tr ',' '\t' >"$corpus/csv/iris-tab.csv"
cp "$engine"/bad-csv/*.csv "$corpus/csv/"

# IDX: the first three Fashion-MNIST test images and labels, raw and gzip.
fashion=/usr/share/datasets/fashion-mnist
python3 - "$fashion" "$corpus" <<'PY'
import gzip, struct, sys
src, out = sys.argv[1], sys.argv[2]
images = gzip.open(f"{src}/t10k-images-idx3-ubyte.gz").read()
labels = gzip.open(f"{src}/t10k-labels-idx1-ubyte.gz").read()
n = 3
small_images = struct.pack(">IIII", 0x803, n, 28, 28) + images[16:16 + n * 784]
small_labels = struct.pack(">II", 0x801, n) + labels[8:8 + n]
for name, data in [("images-idx3-ubyte", small_images), ("labels-idx1-ubyte", small_labels)]:
    open(f"{out}/idx/{name}", "wb").write(data)
    with open(f"{out}/idx-gzip/{name}.gz", "wb") as f:
        f.write(gzip.compress(data, mtime=0))
PY

# Logs written by the real libraries and by dltop.
cp "$monitor"/keras-runs/healthy-blobs-0.csv "$monitor"/keras-runs/divergence-regression-0.csv \
  "$monitor"/watch/keras_csv/training.csv "$corpus/keras-csv/"
cp "$monitor"/watch/lightning_logs/version_0/metrics.csv "$corpus/lightning-csv/version_0.csv"
cp "$monitor"/watch/lightning_logs/version_1/metrics.csv "$corpus/lightning-csv/version_1.csv"
cp "$monitor"/watch/tf2/events.out.tfevents.* "$corpus/tensorboard/tf2"
cp "$monitor"/watch/keras_tb/validation/events.out.tfevents.* "$corpus/tensorboard/keras-validation"
head -c 6000 "$monitor"/watch/tbx/events.out.tfevents.* >"$corpus/tensorboard/tbx-head"
for f in "$monitor"/diagnosis-corpus/healthy-02-iris-mlp-adam.jsonl \
  "$monitor"/diagnosis-corpus/divergence-02-iris-sgd-lr20.jsonl; do
  head -n 12 "$f" >"$corpus/runlog/$(basename "$f")"
  # The same lines without the header are plain JSON lines.
  sed -n '2,12p' "$f" >"$corpus/jsonl/$(basename "$f")"
done
cp themes/*.theme Tests/DLTopTUITests/Fixtures/bad.theme "$corpus/theme/"
du -sh "$corpus"
