"""Writes the `dltop watch` test fixtures with the real libraries.

Run from this folder: `python make_fixtures.py` (see README.md for the versions used).
Everything written goes under this folder; `expected.json` records the values the tests assert.
"""
import csv
import json
import math
import os
import re
import shutil
import sys
import types
import zipfile

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
expected = {}


def fresh(name):
    path = os.path.join(HERE, name)
    shutil.rmtree(path, ignore_errors=True)
    os.makedirs(path)
    return path


def only_event_file(folder):
    names = [n for n in os.listdir(folder) if n.startswith("events.out.tfevents.")]
    assert len(names) == 1, names
    return os.path.join(folder, names[0])


def tensorboardx_run():
    """tensorboardX: scalars as `simple_value`, plus an image, a histogram and text to skip."""
    from tensorboardX import SummaryWriter

    folder = fresh("tbx")
    writer = SummaryWriter(logdir=folder, filename_suffix=".tbx")
    values = {}
    for epoch in range(5):
        loss = 1.0 / (epoch + 1)
        val = 1.2 / (epoch + 1) + 0.05 * epoch
        acc = 0.5 + 0.08 * epoch
        lr = 0.1 * 0.5**epoch
        writer.add_scalar("Loss/train", loss, epoch)
        writer.add_scalar("Loss/val", val, epoch)
        writer.add_scalar("Accuracy/train", acc, epoch)
        writer.add_scalar("lr", lr, epoch)
        writer.add_scalar("grad_norm", 3.0 - epoch * 0.25, epoch)
        writer.add_histogram("weights", np.arange(10, dtype=np.float32) * (epoch + 1), epoch)
        writer.add_image("sample", np.zeros((3, 4, 4), dtype=np.uint8), epoch)
        writer.add_text("note", f"epoch {epoch}", epoch)
        values[epoch] = {"loss": loss, "val_loss": val, "accuracy": acc, "lr": lr}
    writer.close()
    path = only_event_file(folder)
    expected["tbx"] = {"file": os.path.relpath(path, HERE), "epochs": values}
    print("tensorboardX", json.dumps(values))
    return path


def tf_summary_run():
    """TF2 `tf.summary.scalar`: rank-0 tensor summaries, plus a histogram and text to skip."""
    import tensorflow as tf

    folder = fresh("tf2")
    writer = tf.summary.create_file_writer(folder)
    values = {}
    with writer.as_default():
        for step in range(4):
            loss = 2.0 - 0.3 * step
            val = 2.1 - 0.25 * step
            tf.summary.scalar("loss", loss, step=step)
            tf.summary.scalar("val_loss", val, step=step)
            tf.summary.scalar("loss64", tf.constant(loss, dtype=tf.float64), step=step)
            tf.summary.histogram("w", tf.range(5, dtype=tf.float32) * step, step=step)
            tf.summary.text("msg", f"step {step}", step=step)
            values[step] = {"loss": loss, "val_loss": val}
    writer.close()
    path = only_event_file(folder)
    expected["tf2"] = {"file": os.path.relpath(path, HERE), "epochs": values}
    print("tf.summary", json.dumps(values))


def keras_runs():
    """A tiny Keras model trained 5 epochs with the TensorBoard callback and CSVLogger."""
    import keras
    import tensorflow as tf

    keras.utils.set_random_seed(7)
    rng = np.random.default_rng(7)
    x = rng.normal(size=(96, 4)).astype("float32")
    y = (x[:, 0] + 0.5 * x[:, 1] > 0).astype("int32")
    model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(8, activation="relu"),
                              keras.layers.Dense(2, activation="softmax")])
    model.compile(optimizer=keras.optimizers.Adam(0.01), loss="sparse_categorical_crossentropy",
                  metrics=["accuracy"])
    folder = fresh("keras_tb")
    csv_folder = fresh("keras_csv")
    history = model.fit(
        x, y, epochs=5, batch_size=16, validation_split=0.25, verbose=0,
        callbacks=[
            keras.callbacks.TensorBoard(folder, update_freq=1, histogram_freq=1, profile_batch=0),
            keras.callbacks.CSVLogger(os.path.join(csv_folder, "training.csv")),
        ])
    values = {epoch: {name: float(series[epoch]) for name, series in history.history.items()}
              for epoch in range(5)}
    expected["keras"] = {"folder": "keras_tb", "csv": "keras_csv/training.csv", "epochs": values}
    print("keras history", json.dumps(values))


def lightning_run():
    """Lightning's `_ExperimentWriter`, the class behind `CSVLogger`, run from the real wheel.

    torch from PyPI needs several GB of CUDA libraries, so the class source is taken from the
    lightning wheel and executed with the few Lightning/torch helpers it imports replaced by
    stand-ins (fsspec's local filesystem, `print` for warnings, a dummy `Tensor` type). The writing
    logic (sorted union header, `csv.DictWriter`, header rewrite when keys change) is Lightning's own.
    The metric names and the order of calls follow what `Trainer` logs with
    `self.log("train_loss", ..., on_step=True, on_epoch=True)`, `self.log("val_loss"/"val_acc")` and
    `LearningRateMonitor` (`lr-Adam`), with `epoch` added to every row.
    """
    import fsspec

    wheel = os.environ["LIGHTNING_WHEEL"]
    with zipfile.ZipFile(wheel) as archive:
        source = archive.read("lightning/fabric/loggers/csv_logs.py").decode()
    start = source.index("class _ExperimentWriter")
    namespace = {
        "csv": csv, "os": os, "Any": object, "Optional": __import__("typing").Optional,
        "Union": __import__("typing").Union, "Tensor": type("Tensor", (), {}),
        "get_filesystem": lambda path: fsspec.filesystem("file"),
        "rank_zero_warn": print,
    }
    exec(compile(source[start:], "lightning/fabric/loggers/csv_logs.py", "exec"), namespace)
    writer_type = namespace["_ExperimentWriter"]

    root = fresh("lightning_logs")
    values = {}
    step_values = {}
    for version in range(2):
        writer = writer_type(os.path.join(root, f"version_{version}"))
        global_step = 0
        steps_per_epoch = 4
        for epoch in range(4):
            lr = 0.01 * (0.5 if epoch >= 2 else 1.0) * (version + 1)
            writer.log_metrics({"lr-Adam": lr}, step=global_step)
            losses = []
            for batch in range(steps_per_epoch):
                loss = 1.5 / (1 + epoch + batch / steps_per_epoch) + 0.01 * version
                losses.append(loss)
                writer.log_metrics({"train_loss_step": loss, "epoch": epoch}, step=global_step)
                if version == 0:
                    step_values[global_step] = loss
                global_step += 1
            val_loss = 1.4 / (1 + epoch) + 0.02 * epoch
            val_acc = 0.6 + 0.07 * epoch
            writer.log_metrics({"val_loss": val_loss, "val_acc": val_acc, "epoch": epoch},
                               step=global_step - 1)
            train_epoch = sum(losses) / len(losses)
            writer.log_metrics({"train_loss_epoch": train_epoch, "epoch": epoch}, step=global_step - 1)
            if epoch == 1:
                writer.save()  # Lightning flushes every `flush_logs_every_n_steps` (100 by default)
            if version == 0:
                values[epoch] = {"loss": train_epoch, "val_loss": val_loss, "val_accuracy": val_acc,
                                 "lr": lr}
        writer.save()
    expected["lightning"] = {"file": "lightning_logs/version_0/metrics.csv", "epochs": values,
                             "steps": step_values}
    print("lightning", json.dumps(values))


def damaged_copies(source):
    """A copy with one flipped byte inside the third record's data, and one cut mid-record."""
    data = bytearray(open(source, "rb").read())
    offsets = []
    position = 0
    while position < len(data):
        offsets.append(position)
        length = int.from_bytes(data[position:position + 8], "little")
        position += 8 + 4 + length + 4
    third = offsets[2]
    flipped = bytearray(data)
    flipped[third + 12 + 2] ^= 0xFF
    folder = fresh("damaged")
    with open(os.path.join(folder, "events.out.tfevents.corrupt"), "wb") as file:
        file.write(flipped)
    cut = offsets[-1] + 20
    with open(os.path.join(folder, "events.out.tfevents.truncated"), "wb") as file:
        file.write(data[:cut])
    expected["damaged"] = {"corrupt_offset": third, "record_count": len(offsets),
                           "truncated_at": cut, "last_record_offset": offsets[-1]}


if __name__ == "__main__":
    path = tensorboardx_run()
    damaged_copies(path)
    tf_summary_run()
    keras_runs()
    lightning_run()
    with open(os.path.join(HERE, "expected.json"), "w") as file:
        json.dump(expected, file, indent=1, sort_keys=True)
