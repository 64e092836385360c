"""Trains every recipe of recipes.py with Keras 3 (PyTorch backend, CPU) and keeps its CSVLogger log
(epoch from 0, accuracy, loss, val_accuracy, val_loss, learning_rate), with TerminateOnNaN as a
practitioner would run it.

Run: KERAS_BACKEND=torch OMP_NUM_THREADS=1 \
     nice -n 10 /work/venv/bin/python scripts/corpus/keras_runs.py [--seed N] [--holdout | --tuning2 | --holdout3 | --holdout4 | --holdout5 | --holdout6 | --holdout7] [PREFIX...]
     (the options: common.Arguments)
Writes Tests/DLTopMonitorTests/Fixtures/field-corpus/keras/<label>-<name>.csv and runs.tsv (the
class count of each run is in runs.tsv: a CSVLogger log does not carry it).
"""
import csv
import os
import sys

os.environ.setdefault("KERAS_BACKEND", "torch")
import keras  # noqa: E402
import torch  # noqa: E402

torch.set_num_threads(1)

import common  # noqa: E402

FRAMEWORK = "keras"
SEED = 23
HOLDOUT_SEED = 29


def model_for(r, inputs, classes):
    init = {"he": "he_normal", "xavier": "glorot_uniform", "zeros": "zeros"}.get(r["init"])
    if init is None:
        init = keras.initializers.RandomNormal(stddev=float(r["init"].split(":")[1]))
    reg = keras.regularizers.L2(r["l2"] / 2) if r["l2"] else None
    layers = [keras.Input(shape=(inputs,))]
    for h in r["hidden"]:
        layers.append(keras.layers.Dense(h, activation=r["act"], kernel_initializer=init, kernel_regularizer=reg))
        if r["dropout"]:
            layers.append(keras.layers.Dropout(r["dropout"]))
    layers.append(keras.layers.Dense(classes, activation="softmax", kernel_initializer=init, kernel_regularizer=reg))
    return keras.Sequential(layers)


def optimizer_for(r, steps_per_epoch):
    lr = r["lr"]
    if r["schedule"] == "step":
        lr = keras.optimizers.schedules.ExponentialDecay(lr, steps_per_epoch * max(1, r["epochs"] // 4), 0.5, staircase=True)
    elif r["schedule"] == "exp":
        lr = keras.optimizers.schedules.ExponentialDecay(lr, steps_per_epoch, 0.95, staircase=True)
    return {
        "sgd": lambda: keras.optimizers.SGD(learning_rate=lr),
        "momentum": lambda: keras.optimizers.SGD(learning_rate=lr, momentum=0.9),
        "nesterov": lambda: keras.optimizers.SGD(learning_rate=lr, momentum=0.9, nesterov=True),
        "rmsprop": lambda: keras.optimizers.RMSprop(learning_rate=lr),
        "adagrad": lambda: keras.optimizers.Adagrad(learning_rate=lr),
        "adam": lambda: keras.optimizers.Adam(learning_rate=lr),
    }[r["opt"]]()


def read_history(path):
    with open(path) as f:
        rows = list(csv.DictReader(f))
    return [{k: float(v) for k, v in row.items() if k in ("loss", "val_loss", "accuracy", "val_accuracy")} for row in rows]


def train(r, seed, path):
    """Trains recipe r with model.fit, its CSVLogger writing path."""
    xt, yt, xv, yv, classes = common.dataset(r["data"], seed)
    keras.utils.set_random_seed(seed)
    model = model_for(r, xt.shape[1], classes)
    steps = -(-len(yt) // r["batch"])
    model.compile(optimizer=optimizer_for(r, steps), loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    model.fit(xt * r["scale"], yt, validation_data=(xv * r["scale"], yv), epochs=r["epochs"], batch_size=r["batch"],
              verbose=0, shuffle=True, callbacks=[keras.callbacks.CSVLogger(path), keras.callbacks.TerminateOnNaN()])
    return read_history(path), classes


def main():
    common.generate(FRAMEWORK, "csv", train, common.Arguments(sys.argv[1:], SEED, HOLDOUT_SEED, common.TUNING2_SEEDS["keras"],
                                     common.HOLDOUT3_SEEDS["keras"],
                                     common.HOLDOUT4_SEEDS["keras"],
                                     common.HOLDOUT5_SEEDS["keras"],
                                     common.HOLDOUT6_SEEDS["keras"],
                                     common.HOLDOUT7_SEEDS["keras"]))


if __name__ == "__main__":
    main()
