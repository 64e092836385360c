"""Feeds every run of the field corpus through the real keras.callbacks.EarlyStopping and
TerminateOnNaN, epoch by epoch as model.fit would, and records where Keras stops and which epoch
it keeps — the reference FieldCorpusEarlyStoppingTests holds dltop's EarlyStopping to.

Run: KERAS_BACKEND=torch /work/venv/bin/python scripts/corpus/keras_early_stopping.py
Writes Tests/DLTopMonitorTests/Fixtures/field-corpus/early-stopping.json:
  {"keras_version", "cases": {file: {"patience": {"20": {...}, "5": {...}}}}} with, per patience,
  stop_index (the 0-based position of the epoch in the log where training stopped, null if it ran
  to the end), best_index (callback.best_epoch) — EarlyStopping(monitor="val_loss", min_delta=0,
  patience=N), and TerminateOnNaN given the epoch's train loss (it checks each batch's loss; an
  epoch whose mean loss is NaN/∞ had such a batch).
"""
import csv
import json
import math
import os

os.environ.setdefault("KERAS_BACKEND", "torch")
import keras  # noqa: E402

import common  # noqa: E402

SPLIT = os.path.join(common.OUT, "split.tsv")
FIXTURES = os.path.dirname(common.OUT)


def history(path):
    """Per epoch: (loss, val_loss), None for a missing value, in file order."""
    rows = []
    if path.endswith(".csv"):
        with open(path) as f:
            for row in csv.DictReader(f):
                rows.append(tuple(float(row[k]) if row.get(k) not in (None, "") else None for k in ("loss", "val_loss")))
        return rows
    with open(path) as f:
        for line in f:
            item = json.loads(line)
            if item.get("type") == "epoch":
                metrics = item["metrics"]
            elif "type" not in item and "step" not in item and "epoch" in item:
                metrics = item
            else:
                continue
            rows.append(tuple(float(metrics[k]) if k in metrics else None for k in ("loss", "val_loss")))
    return rows


def run(rows, patience):
    model = keras.Sequential([keras.Input(shape=(2,)), keras.layers.Dense(1)])
    model.compile(optimizer="sgd", loss="mse")
    stopping = keras.callbacks.EarlyStopping(monitor="val_loss", min_delta=0, patience=patience)
    nan = keras.callbacks.TerminateOnNaN()
    for callback in (stopping, nan):
        callback.set_model(model)
    model.stop_training = False
    stopping.on_train_begin()
    stop = None
    for index, (loss, val_loss) in enumerate(rows):
        if loss is not None:
            nan.on_batch_end(0, {"loss": loss})
        if not model.stop_training:
            logs = {"loss": 1.0 if loss is None else loss}
            if val_loss is not None:
                logs["val_loss"] = val_loss
            stopping.on_epoch_end(index, logs)
        if model.stop_training:
            stop = index
            break
    return {"stop_index": stop, "best_index": int(stopping.best_epoch)}


def main():
    with open(SPLIT) as f:
        files = [row["file"] for row in csv.DictReader(f, delimiter="\t") if row["file"].startswith("field-corpus/")]
    cases = {}
    for file in files:
        rows = history(os.path.join(FIXTURES, file))
        cases[file] = {"patience": {str(p): run(rows, p) for p in (20, 5)}}
    out = {"keras_version": keras.__version__, "backend": keras.backend.backend(), "cases": cases}
    with open(os.path.join(common.OUT, "early-stopping.json"), "w") as f:
        json.dump(out, f, indent=1, sort_keys=True)
        f.write("\n")
    print(f"{len(cases)} runs")


if __name__ == "__main__":
    main()
