#!/usr/bin/env python3
"""Times Keras 3 (JAX backend) on the same jobs dltop-bench times, for the side-by-side in the notes.

Not part of the product: run it by hand in a virtualenv with `pip install keras jax`.
Usage: KERAS_BACKEND=jax python3 scripts/keras_compare.py [--cnn] [--epochs 2]
Prints one JSON document: seconds per epoch (the last epoch, after compilation) and samples/s.
"""
import gzip, json, os, sys, time

os.environ.setdefault("KERAS_BACKEND", "jax")
import numpy as np
import keras

ROOT = "/usr/share/datasets/fashion-mnist"


def load(kind):
    with gzip.open(f"{ROOT}/{kind}-images-idx3-ubyte.gz") as f:
        x = np.frombuffer(f.read(), np.uint8, offset=16).reshape(-1, 28, 28, 1)
    with gzip.open(f"{ROOT}/{kind}-labels-idx1-ubyte.gz") as f:
        y = np.frombuffer(f.read(), np.uint8, offset=8)
    return x.astype("float32") / 255.0, y.astype("int32")


class EpochTimer(keras.callbacks.Callback):
    def on_train_begin(self, logs=None):
        self.times = []

    def on_epoch_begin(self, epoch, logs=None):
        self.t = time.perf_counter()

    def on_epoch_end(self, epoch, logs=None):
        self.times.append(time.perf_counter() - self.t)


def run(name, model, x, y, epochs, batch):
    model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    timer = EpochTimer()
    model.fit(x, y, batch_size=batch, epochs=epochs, verbose=0, callbacks=[timer])
    best = min(timer.times[1:] or timer.times)
    return {"epoch_s": round(best, 4), "samples_per_s": round(len(x) / best, 1), "all_epochs_s": [round(t, 4) for t in timer.times]}


def main():
    epochs = int(sys.argv[sys.argv.index("--epochs") + 1]) if "--epochs" in sys.argv else 3
    x, y = load("train")
    out = {"keras": keras.__version__, "backend": keras.backend.backend()}
    mlp = keras.Sequential([keras.Input((28, 28, 1)), keras.layers.Flatten(), keras.layers.Dense(128, activation="relu"), keras.layers.Dense(10)])
    mlp.compile(optimizer="adam", loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
    out["mlp"] = run("mlp", mlp, x, y, epochs, 128)
    if "--cnn" in sys.argv:
        cnn = keras.Sequential([
            keras.Input((28, 28, 1)),
            keras.layers.Conv2D(32, 3, padding="same", activation="relu"), keras.layers.MaxPooling2D(),
            keras.layers.Conv2D(64, 3, padding="same", activation="relu"), keras.layers.MaxPooling2D(),
            keras.layers.Flatten(), keras.layers.Dense(128, activation="relu"), keras.layers.Dense(10)])
        out["cnn"] = run("cnn", cnn, x, y, max(2, min(epochs, 2)), 128)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
