"""Trains small real Keras models with settings chosen to cause each condition, and keeps their
CSVLogger logs as labelled fixtures for the diagnosis tests.

Run: KERAS_BACKEND=jax python make_runs.py   (Keras 3, JAX backend, CPU; numpy-generated data sets)
Writes <label>-<dataset>-<variant>.csv (Keras CSVLogger, epochs from 0) and labels.json
(label and class count per run). `python make_runs.py oscillation` retrains only the runs whose
names start with the given prefixes.
The spirals and blobs come from scripts/corpus/common.py (one copy for both corpora).
The label is the condition the settings were chosen to cause; every log was checked by eye
(print_summary) to show it.
"""
import json
import os
import sys

os.environ.setdefault("KERAS_BACKEND", "jax")
import keras  # noqa: E402
import numpy as np  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
# The data set generators live once, in the field corpus's scripts/corpus/common.py.
sys.path.insert(0, os.path.join(HERE, "..", "..", "..", "..", "scripts", "corpus"))
import common as corpus  # noqa: E402


def mlp(inputs, classes, hidden, activation="relu"):
    layers = [keras.Input(shape=(inputs,))]
    layers += [keras.layers.Dense(h, activation=activation) for h in hidden]
    layers.append(keras.layers.Dense(classes, activation="softmax"))
    return keras.Sequential(layers)


def run(name, label, x, y, classes, hidden, optimizer, epochs, batch, val_x=None, val_y=None, seed=0):
    keras.utils.set_random_seed(seed)
    model = mlp(x.shape[1], classes, hidden)
    model.compile(optimizer=optimizer, loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    path = os.path.join(HERE, f"{name}.csv")
    if os.path.exists(path):
        os.remove(path)
    logger = keras.callbacks.CSVLogger(path)
    kwargs = dict(validation_data=(val_x, val_y)) if val_x is not None else dict(validation_split=0.25)
    model.fit(x, y, epochs=epochs, batch_size=batch, verbose=0, callbacks=[logger], shuffle=True, **kwargs)
    return name, label


def regression(n, seed):
    rng = np.random.default_rng(seed)
    x = rng.normal(0, 1, (n, 8)).astype("float32")
    y = (x @ rng.normal(0, 1, 8) + 0.1 * rng.normal(0, 1, n)).astype("float32")
    return x, y


def run_regression(name, label, x, y, optimizer, epochs, batch, seed=0):
    keras.utils.set_random_seed(seed)
    model = keras.Sequential([keras.Input(shape=(x.shape[1],)), keras.layers.Dense(32, activation="relu"), keras.layers.Dense(1)])
    model.compile(optimizer=optimizer, loss="mse")
    path = os.path.join(HERE, f"{name}.csv")
    if os.path.exists(path):
        os.remove(path)
    model.fit(x, y, epochs=epochs, batch_size=batch, verbose=0, validation_split=0.25,
              callbacks=[keras.callbacks.CSVLogger(path)])


# Runs that did not show the condition their settings were chosen for, labelled by what they show.
OBSERVED = {
    # SGD(0.5, momentum 0.9): bounced for 2 epochs, then blew up at epoch 3 (loss 0.35 → 10.7).
    "oscillation-spirals-momentum-2": "divergence",
}


def plan():
    """(name, label, classes or None, thunk) for every run."""
    sgd = lambda lr, m=0.0: keras.optimizers.SGD(learning_rate=lr, momentum=m)  # noqa: E731
    adam = lambda lr: keras.optimizers.Adam(learning_rate=lr)  # noqa: E731
    runs = []

    def add(name, label, classes, thunk):
        runs.append((name, label, classes, thunk))

    for seed in range(3):
        x, y, _ = corpus.spirals(400, 3, seed)
        bx, by, _ = corpus.blobs(3000, 5, 10, 0.45, seed)
        sx, sy, _ = corpus.spirals(40, 3, 100 + seed, noise=0.35)
        sy = corpus.noisy_labels(sy, 3, 0.2, seed)
        vx, vy, _ = corpus.spirals(300, 3, 200 + seed, noise=0.35)
        ox, oy, _ = corpus.blobs(200, 5, 40, 1.0, 300 + seed)
        oy = corpus.noisy_labels(oy, 5, 0.15, seed)
        ovx, ovy, _ = corpus.blobs(2000, 5, 40, 1.0, 300 + seed)
        ux, uy, _ = corpus.blobs(3000, 10, 10, 0.9, 400 + seed)
        rx, ry = regression(1000, 500 + seed)
        # healthy: enough data, a fitting network, a sensible learning rate
        add(f"healthy-spirals-{seed}", "healthy", 3, lambda x=x, y=y, seed=seed: run(f"healthy-spirals-{seed}", "healthy", x, y, 3, [64, 64], adam(3e-3), 60, 32, seed=seed))
        add(f"healthy-blobs-{seed}", "healthy", 5, lambda bx=bx, by=by, seed=seed: run(f"healthy-blobs-{seed}", "healthy", bx, by, 5, [32], adam(1e-3), 40, 64, seed=seed))
        # overfitting: few noisy samples, a big network, many epochs
        add(f"overfitting-spirals-{seed}", "overfitting", 3, lambda sx=sx, sy=sy, vx=vx, vy=vy, seed=seed: run(f"overfitting-spirals-{seed}", "overfitting", sx, sy, 3, [256, 256], adam(3e-3), 300, 16, vx, vy, seed=seed))
        add(f"overfitting-blobs-{seed}", "overfitting", 5, lambda ox=ox, oy=oy, ovx=ovx, ovy=ovy, seed=seed: run(f"overfitting-blobs-{seed}", "overfitting", ox[:150], oy[:150], 5, [256, 256], adam(1e-3), 200, 16, ovx[1000:], ovy[1000:], seed=seed))
        # underfitting: a linear model on spirals, one tiny hidden layer on overlapping blobs
        add(f"underfitting-spirals-{seed}", "underfitting", 3, lambda x=x, y=y, seed=seed: run(f"underfitting-spirals-{seed}", "underfitting", x, y, 3, [], adam(1e-2), 60, 32, seed=seed))
        add(f"underfitting-blobs-{seed}", "underfitting", 10, lambda ux=ux, uy=uy, seed=seed: run(f"underfitting-blobs-{seed}", "underfitting", ux, uy, 10, [2], adam(1e-2), 60, 64, seed=seed))
        # divergence: plain SGD with a far too large learning rate (saturated softmax; NaN regression)
        add(f"divergence-spirals-{seed}", "divergence", 3, lambda x=x, y=y, seed=seed: run(f"divergence-spirals-{seed}", "divergence", x * 30, y, 3, [64, 64], sgd(5.0), 30, 32, seed=seed))
        add(f"divergence-regression-{seed}", "divergence", None, lambda rx=rx, ry=ry, seed=seed: run_regression(f"divergence-regression-{seed}", "divergence", rx * 3, ry, sgd(0.2), 20, 32, seed=seed))
        # plateau: a learning rate far too small
        add(f"plateau-blobs-{seed}", "plateau", 5, lambda bx=bx, by=by, seed=seed: run(f"plateau-blobs-{seed}", "plateau", bx, by, 5, [32], sgd(1e-6), 40, 64, seed=seed))
        # oscillation: SGD with a learning rate large enough to bounce, not to blow up
        add(f"oscillation-spirals-momentum-{seed}", "oscillation", 3, lambda x=x, y=y, seed=seed: run(f"oscillation-spirals-momentum-{seed}", "oscillation", x, y, 3, [64, 64], sgd(0.5, 0.9), 40, 32, seed=seed))
        add(f"oscillation-spirals-sgd-{seed}", "oscillation", 3, lambda x=x, y=y, seed=seed: run(f"oscillation-spirals-sgd-{seed}", "oscillation", x, y, 3, [64, 64], sgd(2.0), 40, 32, seed=seed))
    return runs


def main():
    """Trains the runs whose names start with one of the arguments (all without arguments)."""
    prefixes = sys.argv[1:]
    runs = plan()
    for name, _, _, thunk in runs:
        if not prefixes or any(name.startswith(p) for p in prefixes):
            thunk()
            print("trained", name, flush=True)
    labels = {name: {"label": OBSERVED.get(name, label), "classes": classes} for name, label, classes, _ in runs}
    with open(os.path.join(HERE, "labels.json"), "w") as f:
        json.dump({"keras_version": keras.__version__, "backend": keras.backend.backend(), "runs": labels}, f, indent=1)
        f.write("\n")
    print(f"{len(runs)} runs labelled")


if __name__ == "__main__":
    main()
