"""Drives the real keras.callbacks.EarlyStopping over committed curves and records what it did.

Run: KERAS_BACKEND=jax python make_fixtures.py  (writes fixtures.json next to this script)
Made with Keras 3 (JAX backend, CPU). Each curve is fed epoch by epoch to on_epoch_end, as
model.fit would, and feeding stops at the first epoch where model.stop_training becomes True.
Recorded per case: the Keras epoch index where training stopped (null if it never did),
callback.stopped_epoch, callback.best_epoch, callback.best and callback.wait at the end.
A null value in a curve means the monitored key was missing from that epoch's logs.
"""
import json
import math
import os
import random

os.environ.setdefault("KERAS_BACKEND", "jax")
import keras  # noqa: E402


def tiny_model():
    model = keras.Sequential([keras.Input(shape=(2,)), keras.layers.Dense(1)])
    model.compile(optimizer="sgd", loss="mse")
    return model


def run(case):
    model = tiny_model()
    kwargs = dict(case["keras"])
    callback = keras.callbacks.EarlyStopping(**kwargs)
    callback.set_model(model)
    model.stop_training = False
    callback.on_train_begin()
    stopped_at = None
    for epoch, value in enumerate(case["values"]):
        logs = {"loss": 1.0}
        if value is not None:
            logs[kwargs.get("monitor", "val_loss")] = value
        callback.on_epoch_end(epoch, logs)
        if model.stop_training:
            stopped_at = epoch
            break
    callback.on_train_end()
    best = callback.best
    best = None if best is None else float(best)
    return {
        "stop_epoch": stopped_at,
        "stopped_epoch": int(callback.stopped_epoch),
        "best_epoch": int(callback.best_epoch),
        "best": best,
        "wait": int(callback.wait),
    }


def noisy(seed, n, trend, noise, turn=None):
    rng = random.Random(seed)
    values, level = [], 1.0
    for epoch in range(n):
        level *= trend if turn is None or epoch < turn else 1.0 / trend
        values.append(round(level + rng.gauss(0, noise), 6))
    return values


NAN, INF = float("nan"), float("inf")
CASES = [
    ("falls then rises, patience 3", [1.0, 0.8, 0.7, 0.65, 0.66, 0.7, 0.72, 0.75, 0.8], dict(patience=3)),
    ("patience 0 stops at the first non-improvement", [1.0, 0.9, 0.95, 0.8], dict(patience=0)),
    ("patience 0 never stops at epoch 0", [1.0, 1.0, 1.0], dict(patience=0)),
    ("min_delta makes small gains not count", [1.0, 0.995, 0.99, 0.985, 0.98, 0.975, 0.97], dict(patience=2, min_delta=0.01)),
    ("min_delta sign is ignored", [1.0, 0.995, 0.99, 0.985, 0.98, 0.975, 0.97], dict(patience=2, min_delta=-0.01)),
    ("baseline never beaten", [1.0, 0.9, 0.85, 0.8, 0.79, 0.78], dict(patience=2, baseline=0.5)),
    ("baseline beaten late", [1.0, 0.9, 0.6, 0.45, 0.44, 0.46, 0.47, 0.5], dict(patience=2, baseline=0.5)),
    ("start_from_epoch skips warm-up", [1.0, 2.0, 3.0, 4.0, 3.9, 3.95, 3.97, 4.1, 4.2], dict(patience=2, start_from_epoch=3)),
    ("mode max on accuracy", [0.5, 0.6, 0.7, 0.72, 0.71, 0.7, 0.69, 0.73], dict(monitor="val_accuracy", mode="max", patience=3)),
    ("mode max with min_delta", [0.5, 0.6, 0.605, 0.61, 0.62, 0.621], dict(monitor="val_accuracy", mode="max", patience=2, min_delta=0.01)),
    ("NaN in the middle is never an improvement", [1.0, 0.9, NAN, NAN, 0.95, 0.97, 0.99], dict(patience=3)),
    ("NaN first becomes best and nothing improves on it", [NAN, 1.0, 0.5, 0.4, 0.3], dict(patience=2)),
    ("infinity is never an improvement", [1.0, INF, INF, INF, 0.99], dict(patience=3)),
    ("missing values are skipped", [1.0, None, None, None, 0.9, 0.95, None, 0.96, 0.97], dict(patience=2)),
    ("restore best weights without stopping", [1.0, 0.9, 0.8, 0.85, 0.7], dict(patience=5, restore_best_weights=True)),
    ("restore best weights with stopping", [1.0, 0.9, 0.8, 0.85, 0.86, 0.9], dict(patience=2, restore_best_weights=True)),
    ("loss monitor", [2.0, 1.5, 1.4, 1.41, 1.42, 1.43], dict(monitor="loss", patience=2)),
    ("equal values do not improve", [1.0, 1.0, 1.0, 1.0], dict(patience=2)),
    ("baseline with start_from_epoch and min_delta", [3.0, 2.0, 1.0, 0.9, 0.85, 0.84, 0.83, 0.82, 0.9], dict(patience=2, baseline=0.95, start_from_epoch=2, min_delta=0.02)),
]
for seed in range(8):
    CASES.append((f"noisy overfitting seed {seed}", noisy(seed, 60, 0.95, 0.02, turn=20 + seed), dict(patience=5 + seed)))
for seed in range(4):
    CASES.append((f"noisy plateau seed {seed} min_delta", noisy(100 + seed, 80, 0.99, 0.01), dict(patience=4, min_delta=0.005)))
for seed in range(3):
    accuracy = [round(1 - v / 2, 6) for v in noisy(200 + seed, 50, 0.93, 0.015, turn=25)]
    CASES.append((f"noisy accuracy max seed {seed}", accuracy, dict(monitor="val_accuracy", mode="max", patience=4)))


def encode(value):
    if value is None:
        return None
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    return value


def main():
    out = {"keras_version": keras.__version__, "backend": keras.backend.backend(), "cases": []}
    for name, values, kwargs in CASES:
        case = {"name": name, "keras": kwargs, "values": values}
        case["expected"] = run(case)
        case["values"] = [encode(v) for v in values]
        case["expected"]["best"] = encode(case["expected"]["best"])
        out["cases"].append(case)
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures.json")
    with open(path, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")
    print(f"wrote {len(out['cases'])} cases to {path}")


if __name__ == "__main__":
    main()
