"""Trains every recipe of recipes.py with dltop's own engine (`dltop train --headless --json
--run-dir`) on the same data as the other frameworks (written to a CSV file first; a tenth of the validation rows becomes the test split dltop wants) and keeps the
run log without its sampled batch lines.

Run: nice -n 10 /work/venv/bin/python scripts/corpus/dltop_runs.py DLTOP [--seed N] [--holdout | --tuning2 | --holdout3 | --holdout4 | --holdout5 | --holdout6 | --holdout7] [PREFIX...]
     (DLTOP: a built binary, e.g. .build/release/dltop; the options: common.Arguments)
Writes Tests/DLTopMonitorTests/Fixtures/field-corpus/dltop/<label>-<name>.jsonl and runs.tsv.
dltop has no Nesterov momentum: those recipes are trained by torch and Keras only.
"""
import json
import os
import subprocess
import sys
import tempfile

import numpy as np

import common

FRAMEWORK = "dltop"
SEED = 31
HOLDOUT_SEED = 41


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


def train(dltop, work, r, seed, path):
    """Trains recipe r with `dltop train` and writes its run log without the batch lines to path."""
    xt, yt, xv, yv, classes = common.dataset(r["data"], seed)
    data = os.path.join(work, f"{r['name']}.csv")
    write_csv(data, np.concatenate([xt, xv]) * r["scale"], np.concatenate([yt, yv]))
    model = "linear" if not r["hidden"] else "mlp:" + ",".join(map(str, r["hidden"]))
    run_dir = os.path.join(work, f"{r['name']}-s{seed}")
    test = max(2, len(yv) // 10)
    command = [dltop, "train", "--data", data, "--split", f"{len(yt)}:{len(yv) - test}:{test}", "--normalize", "none",
               "--model", model, "--activation", r["act"], "--init", r["init"], "--optimizer", r["opt"],
               "--lr", repr(r["lr"]), "--schedule", schedule_flag(r), "--batch", str(r["batch"]),
               "--epochs", str(r["epochs"]), "--l2", repr(r["l2"]), "--dropout", repr(r["dropout"]),
               "--seed", str(seed), "--threads", "1", "--no-early-stop", "--headless", "--json", "--run-dir", run_dir]
    result = subprocess.run(command, capture_output=True, text=True, env=dict(os.environ, OPENBLAS_NUM_THREADS="1"))
    log_path = os.path.join(run_dir, "run.jsonl")
    if not os.path.exists(log_path):
        sys.exit(f"{r['name']}: no run log\n{result.stderr}")
    with open(log_path) as f:
        text = f.read()
    with open(path, "w") as f:
        f.writelines(line + "\n" for line in text.splitlines() if '"type":"batch"' not in line)
    return read_run_log(text), classes


def main():
    dltop = os.path.abspath(sys.argv[1])
    work = tempfile.mkdtemp()
    common.generate(FRAMEWORK, "jsonl", lambda r, seed, path: train(dltop, work, r, seed, path),
                    common.Arguments(sys.argv[2:], SEED, HOLDOUT_SEED, common.TUNING2_SEEDS["dltop"],
                                     common.HOLDOUT3_SEEDS["dltop"],
                                     common.HOLDOUT4_SEEDS["dltop"],
                                     common.HOLDOUT5_SEEDS["dltop"],
                                     common.HOLDOUT6_SEEDS["dltop"],
                                     common.HOLDOUT7_SEEDS["dltop"]), supports=lambda r: r["opt"] != "nesterov")


if __name__ == "__main__":
    main()
