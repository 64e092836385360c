#!/usr/bin/env python3
"""Writes the CSV sample data sets of dltop from the copies bundled inside scikit-learn.

Run: pip install scikit-learn && python3 sample-data/make_samples.py
Made with scikit-learn 1.9.1 (PyPI). The output is deterministic; re-running it must give
byte-identical files. See README.md for each file's source, citation and licence.
"""
import csv
import os
import re

from sklearn import datasets

HERE = os.path.dirname(os.path.abspath(__file__))


def column_name(name):
    """'mean radius' -> 'mean_radius', 'sepal length (cm)' -> 'sepal_length_cm'."""
    return re.sub(r"[^0-9a-z]+", "_", name.lower()).strip("_")


def number(value):
    value = float(value)
    return str(int(value)) if value.is_integer() else repr(value)


def write(file_name, feature_names, label_name, rows, labels):
    path = os.path.join(HERE, file_name)
    with open(path, "w", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow([column_name(n) for n in feature_names] + [label_name])
        for row, label in zip(rows, labels):
            out.writerow([number(v) for v in row] + [label])
    print(f"wrote {path}: {len(labels)} rows")


def classification(file_name, loader, label_name, class_names=None):
    bunch = loader()
    names = class_names or list(bunch.target_names)
    write(file_name, bunch.feature_names, label_name, bunch.data,
          [names[int(t)] for t in bunch.target])


classification("breast-cancer.csv", datasets.load_breast_cancer, "diagnosis")
classification("iris.csv", datasets.load_iris, "species")
classification("wine.csv", datasets.load_wine, "cultivar")
digits = datasets.load_digits()
write("digits.csv", [f"pixel_{r}_{c}" for r in range(8) for c in range(8)], "digit",
      digits.data, [str(int(t)) for t in digits.target])

# Seed 004 ("4-1. sample data", around line 197): the 8-row stock table of the lecture notes,
# columns open, high, volume, low, close; the target is close. Copied as printed there.
STOCK = [
    [828.659973, 833.450012, 908100, 828.349976, 831.659973],
    [823.02002, 828.070007, 1828100, 821.655029, 828.070007],
    [819.929993, 824.400024, 1438100, 818.97998, 824.159973],
    [816, 820.958984, 1008100, 815.48999, 819.23999],
    [819.359985, 823, 1188100, 818.469971, 818.97998],
    [819, 823, 1198100, 816, 820.450012],
    [811.700012, 815.25, 1098100, 809.780029, 813.669983],
    [809.51001, 816.659973, 1398100, 804.539978, 809.559998],
]
write("stock.csv", ["open", "high", "volume", "low"], "close",
      [r[:4] for r in STOCK], [number(r[4]) for r in STOCK])
