#!/usr/bin/env python3
"""Compares `dltop lr-find` with fastai's `lr_find` on the same architecture, data and batch size.

Not part of the product: run it by hand with the venv that has fastai and torch, after building
dltop:  OMP_NUM_THREADS=1 /work/venv/bin/python scripts/lr_find_compare.py [--dltop PATH] [--cnn]

Both sides: Fashion-MNIST training images (the Debian package dataset-fashion-mnist), one global
mean/std standardization, batch 128, Adam (β1 0.9, β2 0.999, ε 1e-7, no weight decay, as dltop's),
He-normal weights and zero biases, the ramp 1e-7 → 10 over the same number of batches with
fastai's smoothing (β 0.98) and 4× divergence stop. fastai's suggestions are `valley` (its
default) and `steep`. Prints one JSON document with both suggestions per model and their ratios.
"""
import argparse, gzip, json, os, subprocess, sys, tempfile
from functools import partial

import numpy as np
import torch
from torch import nn
from fastai.data.core import DataLoaders
from fastai.data.load import DataLoader
from fastai.learner import Learner
from fastai.optimizer import Adam
from fastai.callback.schedule import valley, steep  # noqa: F401  (adds Learner.lr_find)

ROOT = "/usr/share/datasets/fashion-mnist"


def load(kind):
    with gzip.open(f"{ROOT}/{kind}-images-idx3-ubyte.gz") as f:
        x = np.frombuffer(f.read(), np.uint8, offset=16).reshape(-1, 1, 28, 28).astype("float32")
    with gzip.open(f"{ROOT}/{kind}-labels-idx1-ubyte.gz") as f:
        y = np.frombuffer(f.read(), np.uint8, offset=8).astype("int64")
    return x, y


def he_init(module):
    if isinstance(module, (nn.Linear, nn.Conv2d)):
        nn.init.kaiming_normal_(module.weight, nonlinearity="relu")
        nn.init.zeros_(module.bias)


def mlp():
    return nn.Sequential(nn.Flatten(), nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 10))


def cnn():
    return nn.Sequential(
        nn.Conv2d(1, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(64 * 7 * 7, 128), nn.ReLU(), nn.Linear(128, 10))


def fastai_suggestions(make_model, x, y, iterations, seed):
    torch.manual_seed(seed)
    np.random.seed(seed)
    dataset = list(zip(torch.from_numpy(x), torch.from_numpy(y)))
    train = DataLoader(dataset, bs=128, shuffle=True, drop_last=False)
    valid = DataLoader(dataset[:1024], bs=1024)
    model = make_model()
    model.apply(he_init)
    opt = partial(Adam, mom=0.9, sqr_mom=0.999, eps=1e-7, wd=0.0)
    learner = Learner(
        DataLoaders(train, valid), model, loss_func=nn.CrossEntropyLoss(), opt_func=opt, path=tempfile.mkdtemp())
    with learner.no_bar(), learner.no_logging():
        result = learner.lr_find(start_lr=1e-7, end_lr=10, num_it=iterations, show_plot=False, suggest_funcs=(valley, steep))
    return {"valley": float(result.valley), "steep": float(result.steep)}


def dltop_suggestions(binary, model, iterations, seed):
    out = subprocess.run(
        [binary, "lr-find", "--data", "fashion-mnist", "--model", model, "--batch", "128", "--iterations", str(iterations),
         "--seed", str(seed), "--json"],
        check=True, capture_output=True, text=True, env={**os.environ, "OPENBLAS_NUM_THREADS": "1"})
    doc = json.loads(out.stdout)
    return {"valley": doc["valley_lr"], "steep": doc["steep_lr"], "batches": len(doc["lrs"])}


def converges(binary, model, lr, epochs):
    out = subprocess.run(
        [binary, "train", "--data", "fashion-mnist", "--model", model, "--lr", f"{lr:.3g}", "--epochs", str(epochs),
         "--no-run-log", "--json"],
        check=True, capture_output=True, text=True)
    doc = json.loads(out.stdout)
    history = doc["history"]
    return {"lr": float(f"{lr:.3g}"), "epochs": len(history), "first_val_loss": history[0]["val_loss"],
            "last_val_loss": history[-1]["val_loss"], "val_accuracy": history[-1]["val_accuracy"],
            "test_accuracy": doc["test"]["accuracy"], "diverged": doc["diverged"]}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dltop", default=".build/release/dltop")
    parser.add_argument("--cnn", action="store_true", help="also the CNN (slow on CPU)")
    parser.add_argument("--iterations", type=int, default=200)
    parser.add_argument("--seeds", type=int, default=3)
    parser.add_argument("--train-epochs", type=int, default=3, help="epochs of the convergence check (0: skip)")
    args = parser.parse_args()
    torch.set_num_threads(1)
    x, y = load("train")
    x = (x - x.mean()) / x.std()
    models = [("mlp:128", mlp)] + ([("cnn", cnn)] if args.cnn else [])
    report = {"fastai": __import__("fastai").__version__, "torch": torch.__version__, "iterations": args.iterations}
    for name, make in models:
        rows = []
        for seed in range(args.seeds):
            fa = fastai_suggestions(make, x, y, args.iterations, seed)
            dl = dltop_suggestions(args.dltop, name, args.iterations, 42 + seed)
            rows.append({"seed": seed, "fastai": fa, "dltop": dl,
                         "ratio_valley": dl["valley"] / fa["valley"], "ratio_steep": dl["steep"] / fa["steep"]})
            print(json.dumps({name: rows[-1]}), file=sys.stderr)
        fa_median = float(np.median([r["fastai"]["valley"] for r in rows]))
        dl_median = float(np.median([r["dltop"]["valley"] for r in rows]))
        entry = {"runs": rows, "fastai_valley_median": fa_median, "dltop_valley_median": dl_median,
                 "ratio_valley_median": dl_median / fa_median,
                 "within_factor_3": 1 / 3 <= dl_median / fa_median <= 3}
        if args.train_epochs > 0:
            entry["train_with_suggestion"] = converges(args.dltop, name, dl_median, args.train_epochs)
        report[name] = entry
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
