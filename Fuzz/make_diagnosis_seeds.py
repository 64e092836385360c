#!/usr/bin/env python3
"""Writes Fuzz/Corpus/diagnosis/ seeds from field-corpus runs: a class-count byte, then each epoch's
loss, val_loss, accuracy and val_accuracy as little-endian doubles (the layout of
Fuzz/Targets/diagnosis.swift). Run from the repository root."""
import csv, json, os, struct

FIXTURES = "Tests/DLTopMonitorTests/Fixtures/field-corpus/"
RUNS = [  # (file, classes): one run of each label, and the extremes the rules meet
    ("tuning-2/torch/divergence-iris-momentum-lr3-s15.jsonl", 3),
    ("holdout-6/torch/oscillation-fashion-test-linear-sgd-lr2-s23.jsonl", 10),
    ("holdout-6/keras/oscillation-blobs7-adam-lr004-b8-s59.csv", 7),
    ("holdout-6/keras/healthy-moons-noisy-rmsprop-s59.csv", 2),
    ("holdout-5/torch/underfitting-quantiles3-linear-adam-s21.jsonl", 3),
    ("holdout-4/dltop/plateau-spiral5-sgd-crawl-s71.jsonl", 5),
    ("holdout-3/dltop/overfitting-fashion-test-mild-rmsprop-s61.jsonl", 10),
]
NAMES = ("loss", "val_loss", "accuracy", "val_accuracy")


def epochs(path):
    if path.endswith(".csv"):
        return [{k: float(v) for k, v in row.items() if v} for row in csv.DictReader(open(path))]
    rows = []
    for line in open(path):
        record = json.loads(line)
        if record.get("type", "epoch") == "epoch" and "epoch" in record:
            rows.append(record.get("metrics", record))
    return rows


os.makedirs("Fuzz/Corpus/diagnosis", exist_ok=True)
for file, classes in RUNS:
    data = bytes([classes])
    for row in epochs(FIXTURES + file)[:64]:
        data += b"".join(struct.pack("<d", float(row.get(name, float("nan")))) for name in NAMES)
    name = os.path.basename(file).rsplit(".", 1)[0]
    with open(f"Fuzz/Corpus/diagnosis/{name}.bin", "wb") as f:
        f.write(data)
    print(name, len(data))
