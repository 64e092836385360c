"""Trains every recipe of recipes.py with dltop's own engine (`dltop train --headless --json
--run-dir`) on the same data as the other frameworks (written to a CSV file first; a tenth of the validation rows becomes the test split dltop wants) and keeps the
run log without its sampled batch lines.

Run: nice -n 10 /work/venv/bin/python scripts/corpus/dltop_runs.py DLTOP [PREFIX...]
     (DLTOP: a built binary, e.g. .build/release/dltop)
Writes Tests/DLTopMonitorTests/Fixtures/field-corpus/dltop/<label>-<name>.jsonl and runs.tsv.
dltop has no Nesterov momentum: those recipes are trained by torch and Keras only.
"""
import json
import math
import os
import subprocess
import sys
import tempfile

import numpy as np

import common
from recipes import R

FRAMEWORK = "dltop"
SEED = 31


def take_seed(args):
    """`--seed N` among args: trains with seed N, names files <label>-<name>-s<N> and writes
    runs-s<N>.tsv (a second sample of every recipe); returns the other args."""
    global SEED, SUFFIX
    if "--seed" in args:
        i = args.index("--seed")
        SEED, SUFFIX = int(args[i + 1]), f"-s{args[i + 1]}"
        args = args[:i] + args[i + 2:]
    return args


SUFFIX = ""


def schedule_flag(r):
    if r["schedule"] == "step":
        return f"step:every={max(1, r['epochs'] // 4)},factor=0.5"
    if r["schedule"] == "exp":
        return "exp:k=0.05"
    return "constant"


def write_csv(path, x, y):
    with open(path, "w") as f:
        f.write(",".join(f"f{i}" for i in range(x.shape[1])) + ",label\n")
        for row, label in zip(x, y):
            f.write(",".join(f"{v:.6g}" for v in row) + f",c{label}\n")


def read_run_log(text):
    history = []
    for line in text.splitlines():
        if '"type":"epoch"' not in line:
            continue
        metrics = json.loads(line.replace("NaN", '"nan"').replace("-Infinity", '"-inf"').replace("Infinity", '"inf"'))["metrics"]
        history.append({k: float(v) for k, v in metrics.items() if k in ("loss", "val_loss", "accuracy", "val_accuracy")})
    return history


def main():
    dltop = os.path.abspath(sys.argv[1])
    prefixes = take_seed(sys.argv[2:])
    folder = os.path.join(common.OUT, FRAMEWORK)
    os.makedirs(folder, exist_ok=True)
    done = common.read_manifest(FRAMEWORK, SUFFIX)
    rows = []
    work = tempfile.mkdtemp()
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1")
    for r in R:
        if r["opt"] == "nesterov" or (prefixes and not any(r["name"].startswith(p) for p in prefixes)):
            continue
        if f"{r['label']}-{r['name']}{SUFFIX}.jsonl" in done:
            rows.append(done[f"{r['label']}-{r['name']}{SUFFIX}.jsonl"])
            continue
        xt, yt, xv, yv, classes = common.dataset(r["data"], SEED)
        data = os.path.join(work, f"{r['name']}.csv")
        write_csv(data, np.concatenate([xt, xv]) * r["scale"], np.concatenate([yt, yv]))
        model = "linear" if not r["hidden"] else "mlp:" + ",".join(map(str, r["hidden"]))
        run_dir = os.path.join(work, r["name"])
        command = [dltop, "train", "--data", data, "--split", f"{len(yt)}:{len(yv) - max(2, len(yv) // 10)}:{max(2, len(yv) // 10)}", "--normalize", "none",
                   "--model", model, "--activation", r["act"], "--init", r["init"], "--optimizer", r["opt"],
                   "--lr", repr(r["lr"]), "--schedule", schedule_flag(r), "--batch", str(r["batch"]),
                   "--epochs", str(r["epochs"]), "--l2", repr(r["l2"]), "--dropout", repr(r["dropout"]),
                   "--seed", str(SEED), "--threads", "1", "--no-early-stop", "--headless", "--json", "--run-dir", run_dir]
        result = subprocess.run(command, capture_output=True, text=True, env=env)
        log_path = os.path.join(run_dir, "run.jsonl")
        if not os.path.exists(log_path):
            sys.exit(f"{r['name']}: no run log\n{result.stderr}")
        with open(log_path) as f:
            text = f.read()
        history = read_run_log(text)
        kept, reason = common.acceptance(r["label"], history, classes)
        file = f"{r['label']}-{r['name']}{SUFFIX}.jsonl"
        path = os.path.join(folder, file)
        if kept:
            with open(path, "w") as f:
                f.writelines(line + "\n" for line in text.splitlines() if '"type":"batch"' not in line)
        elif os.path.exists(path):
            os.remove(path)
        rows.append(dict(file=file, label=r["label"], framework=FRAMEWORK, family=r["family"], classes=classes,
                         dataset=r["data"], optimizer=r["opt"], lr=r["lr"], schedule=r["schedule"], batch=r["batch"],
                         epochs=len(history), init=r["init"], kept=int(kept), reason=reason))
        print(("kept   " if kept else "DROPPED"), file, reason, flush=True)
        if not prefixes:
            common.write_manifest(FRAMEWORK, rows, SUFFIX)


if __name__ == "__main__":
    main()
