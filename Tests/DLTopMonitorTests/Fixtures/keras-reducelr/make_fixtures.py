"""Drives the real keras.callbacks.ReduceLROnPlateau over committed curves and records the learning
rate after every epoch.

Run: KERAS_BACKEND=jax python make_fixtures.py  (writes fixtures.json next to this script)
Made with Keras 3 (JAX backend, CPU). A tiny model is compiled with SGD(learning_rate=lr0); each
curve value is passed to on_epoch_end as the monitored metric, as model.fit would, and the
optimizer's learning rate (a float32 variable in Keras) is read back after each epoch.
"""
import json
import os
import random

os.environ.setdefault("KERAS_BACKEND", "jax")
import keras  # noqa: E402


def run(case):
    model = keras.Sequential([keras.Input(shape=(2,)), keras.layers.Dense(1)])
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=case["lr0"]), loss="mse")
    callback = keras.callbacks.ReduceLROnPlateau(**case["keras"])
    callback.set_model(model)
    callback.on_train_begin()
    rates = []
    monitor = case["keras"].get("monitor", "val_loss")
    for epoch, value in enumerate(case["values"]):
        logs = {"loss": 1.0}
        if value is not None:
            logs[monitor] = value
        callback.on_epoch_end(epoch, logs)
        rates.append(float(keras.ops.convert_to_numpy(model.optimizer.learning_rate)))
    return rates


def noisy(seed, n, trend, noise):
    rng = random.Random(seed)
    values, level = [], 1.0
    for _ in range(n):
        level *= trend
        values.append(round(level + rng.gauss(0, noise), 6))
    return values


FLAT = [1.0, 0.9, 0.85, 0.85, 0.86, 0.85, 0.87, 0.85, 0.86, 0.88, 0.85, 0.9, 0.86, 0.87, 0.85, 0.86]
CASES = [
    ("defaults on a flat curve", 0.1, dict(patience=3), FLAT),
    ("cooldown", 0.1, dict(patience=2, cooldown=3), FLAT),
    ("min_lr floor", 1e-3, dict(patience=1, factor=0.1, min_lr=1e-5), FLAT),
    ("factor one half", 0.05, dict(patience=2, factor=0.5), FLAT),
    ("min_delta large", 0.1, dict(patience=2, min_delta=0.05), [1.0, 0.97, 0.94, 0.91, 0.88, 0.85, 0.82, 0.79, 0.76]),
    ("mode max", 0.1, dict(monitor="val_accuracy", mode="max", patience=2), [0.5, 0.6, 0.65, 0.64, 0.66, 0.65, 0.65, 0.64, 0.7, 0.69, 0.68, 0.69]),
    ("missing values", 0.1, dict(patience=2), [1.0, None, 0.95, None, 0.96, 0.97, None, 0.98, 0.99]),
    ("NaN values", 0.1, dict(patience=2), [1.0, 0.9, float("nan"), float("nan"), 0.95, 0.85, float("nan")]),
]
for seed in range(5):
    CASES.append((f"noisy seed {seed}", 0.01, dict(patience=4, factor=0.3, cooldown=seed % 3, min_lr=1e-4), noisy(seed, 60, 0.985, 0.02)))


def encode(value):
    if value is None:
        return None
    if value != value:
        return "NaN"
    return value


def main():
    out = {"keras_version": keras.__version__, "backend": keras.backend.backend(), "cases": []}
    for name, lr0, kwargs, values in CASES:
        case = {"name": name, "lr0": lr0, "keras": kwargs, "values": values}
        case["expected_rates"] = run(case)
        case["values"] = [encode(v) for v in values]
        out["cases"].append(case)
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures.json")
    with open(path, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")
    print(f"wrote {len(out['cases'])} cases to {path}")


if __name__ == "__main__":
    main()
