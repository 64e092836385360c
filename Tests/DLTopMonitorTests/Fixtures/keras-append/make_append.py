"""Writes Keras CSVLogger(append=True) logs that hold more than one fit() call.

two-runs.csv: fit(epochs=3) then a fresh fit(epochs=2) appending to the same file: epochs 0,1,2,0,1.
resumed.csv:  fit(epochs=4) then fit(initial_epoch=2, epochs=5) (a resume from epoch 2): 0,1,2,3,2,3,4.
Keras writes the header only when the file is new. Run with /work/venv/bin/python make_append.py.
"""
import os

os.environ.setdefault("KERAS_BACKEND", "torch")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
import numpy as np
import keras

here = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(0)
x = rng.normal(size=(256, 4)).astype("float32")
y = (x[:, 0] + x[:, 1] > 0).astype("int32")


def model():
    keras.utils.set_random_seed(0)
    m = keras.Sequential([keras.Input((4,)), keras.layers.Dense(8, activation="relu"), keras.layers.Dense(2)])
    m.compile("adam", keras.losses.SparseCategoricalCrossentropy(from_logits=True), metrics=["accuracy"])
    return m


def fit(m, path, **kwargs):
    m.fit(x, y, validation_split=0.25, batch_size=32, verbose=0,
          callbacks=[keras.callbacks.CSVLogger(path, append=True)], **kwargs)


two = os.path.join(here, "two-runs.csv")
resumed = os.path.join(here, "resumed.csv")
for path in (two, resumed):
    if os.path.exists(path):
        os.remove(path)
fit(model(), two, epochs=3)
fit(model(), two, epochs=2)
m = model()
fit(m, resumed, epochs=4)
fit(m, resumed, epochs=5, initial_epoch=2)
