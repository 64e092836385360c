#!/usr/bin/env python3
"""Times Keras 3 (JAX backend) on the same jobs dltop-bench times, for the side-by-side in the notes.

Not part of the product: run it by hand in a virtualenv with `pip install keras jax`.
Usage: KERAS_BACKEND=jax python3 scripts/keras_compare.py [--cnn] [--epochs 3] [--threads N]
Prints one JSON document: seconds per epoch (the fastest epoch after the first, which includes
JAX's compilation) and samples/s.

The models output logits and train with SparseCategoricalCrossentropy(from_logits=True), which is
what dltop's fused softmax cross-entropy computes, and count accuracy per batch as dltop does.
`--threads 1` runs XLA's CPU backend single-threaded (XLA_FLAGS, set before JAX loads); without
it XLA uses every core.
"""
import gzip, json, os, sys, time

os.environ.setdefault("KERAS_BACKEND", "jax")
THREADS = int(sys.argv[sys.argv.index("--threads") + 1]) if "--threads" in sys.argv else None
if THREADS == 1:
    flags = "--xla_cpu_multi_thread_eigen=false intra_op_parallelism_threads=1"
    os.environ["XLA_FLAGS"] = (os.environ.get("XLA_FLAGS", "") + " " + flags).strip()
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
    """Wall-clock and process CPU seconds (every thread, XLA's included) of each epoch."""

    def on_train_begin(self, logs=None):
        self.times = []
        self.cpu_times = []

    def on_epoch_begin(self, epoch, logs=None):
        self.t = time.perf_counter()
        self.cpu = time.process_time()

    def on_epoch_end(self, epoch, logs=None):
        self.times.append(time.perf_counter() - self.t)
        self.cpu_times.append(time.process_time() - self.cpu)


def run(name, model, x, y, epochs, batch):
    model.compile(optimizer=keras.optimizers.Adam(1e-3),
                  loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                  metrics=["accuracy"])
    timer = EpochTimer()
    model.fit(x, y, batch_size=batch, epochs=epochs, verbose=0, callbacks=[timer])
    best = min(timer.times[1:] or timer.times)
    cpu = min(timer.cpu_times[1:] or timer.cpu_times)
    return {"epoch_s": round(best, 4), "samples_per_s": round(len(x) / best, 1),
            "epoch_cpu_s": round(cpu, 4), "cpu_s_per_sample": cpu / len(x),
            "all_epochs_s": [round(t, 4) for t in timer.times],
            "all_epochs_cpu_s": [round(t, 4) for t in timer.cpu_times]}


def main():
    epochs = int(sys.argv[sys.argv.index("--epochs") + 1]) if "--epochs" in sys.argv else 3
    x, y = load("train")
    out = {"keras": keras.__version__, "backend": keras.backend.backend(),
           "threads": THREADS or os.cpu_count(), "xla_flags": os.environ.get("XLA_FLAGS", "")}
    mlp = keras.Sequential([keras.Input((28, 28, 1)), keras.layers.Flatten(), keras.layers.Dense(128, activation="relu"), keras.layers.Dense(10)])
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
