#!/usr/bin/env python3
"""dltop against PyTorch (and Keras 3 / JAX for the MLP), measured back to back, with the ratios.

Not part of the product: run it by hand in a virtualenv with torch (and keras + jax for --keras).
Usage: python3 scripts/torch_compare.py [--bench .build/release/dltop-bench] [--repeats 3]
                                        [--quick] [--keras] [--threads 2]

Each repeat runs `dltop-bench --json --only mlp,cnn,gemm` and then the same jobs in PyTorch eager
on CPU, one right after the other, and reads /proc/loadavg before each (the machine is shared):

- MLP 784-128-10 (ReLU) and the CNN of `dltop train --model cnn` (conv32 3x3 same - ReLU - pool 2 -
  conv64 3x3 same - ReLU - pool 2 - dense 128 ReLU - dense 10), softmax cross-entropy, Adam lr 1e-3,
  batch 128, a plain in-memory loop over shuffled Fashion-MNIST tensors, the same thread count.
  Timed like dltop-bench: the MLP's best of two epochs over the same 60,000 images (with --quick
  too); the CNN over the same number of batches after 3 untimed ones (a whole epoch, or the 50
  batches of --quick).
- Stochastic mode: batch 1, samples/s over the same number of samples as dltop-bench.
- Both sides get their best figure per job over the thread count and 1 thread (on a loaded
  machine one thread often wins), and PyTorch's CNN over NCHW and channels_last.

CPU seconds per sample (all threads) are compared too (`*_cpu_vs_torch`): on a shared, loaded
machine the wall clock mostly measures waiting for a core. Epoch figures are given for one pass
over 54,000 images (Fashion-MNIST's 60,000 less a 10%
validation split), from each side's samples/s. With --keras, scripts/keras_compare.py times the MLP
in Keras 3 on JAX in the same repeat (the same 60,000 images and batch 128, the fastest epoch after
the first, so JAX's compilation is not counted; best of XLA's threads and one thread). Prints one
JSON document: every repeat and the medians.
"""
import argparse
import gzip
import json
import os
import statistics
import subprocess
import sys
import time

ROOT = "/usr/share/datasets/fashion-mnist"
EPOCH_IMAGES = 54_000
HERE = os.path.dirname(os.path.abspath(__file__))


def load_average():
    with open("/proc/loadavg") as f:
        return float(f.read().split()[0])


def run_dltop(bench, quick, threads):
    """dltop-bench with `threads` and with 1 OpenBLAS thread; each job keeps the faster run's
    figures, the same rule PyTorch gets below."""
    runs = []
    for count in sorted({threads, 1}, reverse=True):
        env = dict(os.environ, OPENBLAS_NUM_THREADS=str(count))
        args = [bench, "--json", "--only", "mlp,cnn,gemm"] + (["--quick"] if quick else [])
        out = subprocess.run(args, env=env, check=True, capture_output=True, text=True).stdout
        runs.append((count, json.loads(out)))
    best = dict(runs[0][1])
    for job in ("mlp", "cnn"):
        count, run = max(runs, key=lambda r: r[1][job]["samples_per_s"])
        best[job] = dict(run[job], threads=count)
        count, run = max(runs, key=lambda r: r[1][job]["batch1_samples_per_s"])
        for key in ("batch1_samples_per_s", "batch1_cpu_s_per_sample", "batch1_samples"):
            best[job][key] = run[job][key]
        best[job]["batch1_threads"] = count
        best[job]["epoch_cpu_s"] = min(r[1][job]["epoch_cpu_s"] for r in runs)
        best[job]["batch1_cpu_s_per_sample"] = min(r[1][job]["batch1_cpu_s_per_sample"] for r in runs)
    best["runs"] = {str(count): {job: {k: run[job].get(k) for k in (
        "samples_per_s", "epoch_cpu_s", "batch1_samples_per_s", "flop_bound_ratio")}
        for job in ("mlp", "cnn")} for count, run in runs}
    return best


def load_fashion(torch):
    import numpy as np

    with gzip.open(f"{ROOT}/train-images-idx3-ubyte.gz") as f:
        x = np.frombuffer(f.read(), np.uint8, offset=16).reshape(-1, 1, 28, 28)
    with gzip.open(f"{ROOT}/train-labels-idx1-ubyte.gz") as f:
        y = np.frombuffer(f.read(), np.uint8, offset=8)
    return torch.from_numpy(x.astype("float32") / 255.0), torch.from_numpy(y.astype("int64"))


def models(torch):
    nn = torch.nn
    mlp = lambda: nn.Sequential(nn.Flatten(), nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 10))
    cnn = lambda: nn.Sequential(
        nn.Conv2d(1, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(64 * 7 * 7, 128), nn.ReLU(), nn.Linear(128, 10))
    return mlp, cnn


def train_steps(torch, model, x, y, batch, steps, start=0):
    """Runs `steps` Adam steps of `batch` shuffled samples; returns (seconds, last loss) and
    stores the process CPU seconds of the same steps in `train_steps.cpu_seconds`."""
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = torch.nn.CrossEntropyLoss()
    order = torch.randperm(len(x))
    loss = None
    cpu_started = time.process_time()
    started = time.perf_counter()
    for step in range(start, start + steps):
        first = (step * batch) % (len(x) - batch + 1)
        index = order[first:first + batch]
        optimizer.zero_grad(set_to_none=True)
        loss = loss_fn(model(x[index]), y[index])
        loss.backward()
        optimizer.step()
    seconds = time.perf_counter() - started
    train_steps.cpu_seconds = time.process_time() - cpu_started
    return seconds, float(loss.detach())


def run_torch(dltop, threads):
    """PyTorch's best figure per job over `threads` and 1 thread (on a shared, loaded machine its
    OpenMP threads can wait on each other far longer than the work takes), and for the CNN over
    NCHW and channels_last: the comparison uses PyTorch at its best."""
    import torch

    torch.manual_seed(1)
    x, y = load_fashion(torch)
    make_mlp, make_cnn = models(torch)
    out = {"torch": torch.__version__, "mlp": {}, "cnn": {}}
    mlp_samples = dltop["mlp"]["samples"]
    cnn_batches = dltop["cnn"]["measured_batches"]
    for count in sorted({threads, 1}, reverse=True):
        torch.set_num_threads(count)
        # MLP: two epochs over the images dltop-bench used, the faster one counts.
        steps = (mlp_samples + 127) // 128
        model = make_mlp()
        times, cpu = [], []
        for _ in range(2):
            times.append(train_steps(torch, model, x[:mlp_samples], y[:mlp_samples], 128, steps)[0])
            cpu.append(train_steps.cpu_seconds)
        keep_best(out["mlp"], "samples_per_s", mlp_samples / min(times), threads=count)
        keep_least(out["mlp"], "cpu_s_per_sample", min(cpu) / mlp_samples)
        # CNN: the same number of batches as dltop-bench, after 3 untimed ones.
        layouts = ("nchw", "channels_last") if count == threads else ("nchw",)
        for layout in layouts:
            model = make_cnn()
            images = x
            if layout == "channels_last":
                model = model.to(memory_format=torch.channels_last)
                images = x.contiguous(memory_format=torch.channels_last)
            train_steps(torch, model, images, y, 128, 3)
            seconds, loss = train_steps(torch, model, images, y, 128, cnn_batches, start=3)
            keep_best(out["cnn"], "samples_per_s", cnn_batches * 128 / seconds, threads=count,
                      layout=layout, measured_s=seconds, measured_batches=cnn_batches,
                      last_batch_loss=loss)
            keep_least(out["cnn"], "cpu_s_per_sample", train_steps.cpu_seconds / (cnn_batches * 128))
        # Batch 1 (stochastic): the same sample counts as dltop-bench, after 20 untimed steps.
        for name, make in (("mlp", make_mlp), ("cnn", make_cnn)):
            samples = dltop[name]["batch1_samples"]
            model = make()
            train_steps(torch, model, x, y, 1, 20)
            seconds, _ = train_steps(torch, model, x, y, 1, samples, start=20)
            keep_best(out[name], "batch1_samples_per_s", samples / seconds, batch1_threads=count)
            keep_least(out[name], "batch1_cpu_s_per_sample", train_steps.cpu_seconds / samples)
    return out


def keep_least(figures, key, value):
    """Stores `value` under `key` when it is below the figure already there."""
    figures[key] = min(value, figures.get(key, value))


def keep_best(figures, key, value, **details):
    """Stores `value` under `key` (and `details`) when it beats the figure already there."""
    figures.setdefault("all_" + key, []).append({"value": value, **details})
    if value > figures.get(key, 0):
        figures[key] = value
        figures.update({f"{key}_{k}" if k in ("threads",) else k: v for k, v in details.items()})


def run_keras(threads):
    """Keras 3 / JAX's MLP with XLA's own thread pool (every core) and single-threaded: like the
    other two sides it keeps its faster run. Each run trains 3 epochs over the 60,000 images and
    counts its fastest epoch after the first (the first includes JAX's compilation)."""
    env = dict(os.environ, KERAS_BACKEND="jax")
    script = os.path.join(HERE, "keras_compare.py")
    runs = []
    for count in sorted({threads, 1}, reverse=True):
        args = [sys.executable, script, "--epochs", "3"] + (["--threads", "1"] if count == 1 else [])
        result = subprocess.run(args, env=env, check=True, capture_output=True, text=True)
        runs.append(json.loads(result.stdout.strip().splitlines()[-1]))
    best = dict(max(runs, key=lambda run: run["mlp"]["samples_per_s"]))
    best["mlp"] = dict(best["mlp"], cpu_s_per_sample=min(r["mlp"]["cpu_s_per_sample"] for r in runs))
    best["all_runs"] = [{"threads": run["threads"], **run["mlp"]} for run in runs]
    return best


def ratios(dltop, torch, keras):
    epoch = lambda rate: EPOCH_IMAGES / rate
    r = {
        "mlp_epoch_54k_s": {"dltop": epoch(dltop["mlp"]["samples_per_s"]),
                            "torch": epoch(torch["mlp"]["samples_per_s"])},
        "cnn_epoch_54k_s": {"dltop": epoch(dltop["cnn"]["samples_per_s"]),
                            "torch": epoch(torch["cnn"]["samples_per_s"])},
        "mlp_batch1_samples_per_s": {"dltop": dltop["mlp"]["batch1_samples_per_s"],
                                     "torch": torch["mlp"]["batch1_samples_per_s"]},
        "cnn_batch1_samples_per_s": {"dltop": dltop["cnn"]["batch1_samples_per_s"],
                                     "torch": torch["cnn"]["batch1_samples_per_s"]},
    }
    out = {
        "cnn_epoch_vs_torch": r["cnn_epoch_54k_s"]["dltop"] / r["cnn_epoch_54k_s"]["torch"],
        "mlp_epoch_vs_torch": r["mlp_epoch_54k_s"]["dltop"] / r["mlp_epoch_54k_s"]["torch"],
        "mlp_batch1_vs_torch": r["mlp_batch1_samples_per_s"]["dltop"] / r["mlp_batch1_samples_per_s"]["torch"],
        "cnn_batch1_vs_torch": r["cnn_batch1_samples_per_s"]["dltop"] / r["cnn_batch1_samples_per_s"]["torch"],
        "cnn_flop_bound_ratio": dltop["cnn"].get("flop_bound_ratio"),
    }
    # CPU seconds of each side (all threads) per sample: on a loaded machine the wall clock
    # mostly measures waiting for a core, the CPU time the work itself.
    cpu = {
        "cnn": (dltop["cnn"]["epoch_cpu_s"] / dltop["cnn"]["samples"], torch["cnn"]["cpu_s_per_sample"]),
        "mlp": (dltop["mlp"]["epoch_cpu_s"] / dltop["mlp"]["samples"], torch["mlp"]["cpu_s_per_sample"]),
        "cnn_batch1": (dltop["cnn"]["batch1_cpu_s_per_sample"], torch["cnn"]["batch1_cpu_s_per_sample"]),
        "mlp_batch1": (dltop["mlp"]["batch1_cpu_s_per_sample"], torch["mlp"]["batch1_cpu_s_per_sample"]),
    }
    r["cpu_s_per_sample"] = {k: {"dltop": a, "torch": b} for k, (a, b) in cpu.items()}
    out["cnn_epoch_cpu_vs_torch"] = cpu["cnn"][0] / cpu["cnn"][1]
    out["mlp_epoch_cpu_vs_torch"] = cpu["mlp"][0] / cpu["mlp"][1]
    # batch 1 as a speed (samples per CPU second), so ≥ 3 reads like the wall-clock ratio
    out["cnn_batch1_cpu_vs_torch"] = cpu["cnn_batch1"][1] / cpu["cnn_batch1"][0]
    out["mlp_batch1_cpu_vs_torch"] = cpu["mlp_batch1"][1] / cpu["mlp_batch1"][0]
    if keras:
        r["mlp_epoch_54k_s"]["keras"] = epoch(keras["mlp"]["samples_per_s"])
        out["mlp_epoch_vs_keras"] = r["mlp_epoch_54k_s"]["dltop"] / r["mlp_epoch_54k_s"]["keras"]
        r["cpu_s_per_sample"]["mlp"]["keras"] = keras["mlp"]["cpu_s_per_sample"]
        out["mlp_epoch_cpu_vs_keras"] = cpu["mlp"][0] / keras["mlp"]["cpu_s_per_sample"]
    return r, out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench", default=".build/release/dltop-bench")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--quick", action="store_true", help="dltop-bench --quick (CNN: 50 batches)")
    parser.add_argument("--keras", action="store_true", help="also time the MLP in Keras 3 / JAX")
    args = parser.parse_args()
    os.environ.setdefault("OMP_NUM_THREADS", str(args.threads))

    repeats = []
    for i in range(args.repeats):
        entry = {"load_average_before_dltop": load_average()}
        dltop = run_dltop(args.bench, args.quick, args.threads)
        entry["load_average_before_torch"] = load_average()
        torch = run_torch(dltop, args.threads)
        keras = None
        if args.keras:
            entry["load_average_before_keras"] = load_average()
            keras = run_keras(args.threads)
        entry["figures"], entry["ratios"] = ratios(dltop, torch, keras)
        entry["dltop_blas"] = dltop.get("blas")
        entry["torch"] = torch["torch"]
        if keras:
            entry["keras_mlp"] = {"keras": keras["keras"], "threads": keras["threads"],
                                  "all_runs": keras["all_runs"]}
        entry["torch_cnn"] = {k: v for k, v in torch["cnn"].items() if not k.startswith("all_")}
        entry["torch_all"] = {n: {k: v for k, v in torch[n].items() if k.startswith("all_")}
                              for n in ("mlp", "cnn")}
        entry["dltop_cnn_breakdown_ms"] = dltop["cnn"].get("breakdown_ms")
        entry["dltop_runs_by_threads"] = dltop["runs"]
        entry["dltop_threads"] = {job: dltop[job]["threads"] for job in ("mlp", "cnn")}
        repeats.append(entry)
        print(f"repeat {i + 1}: " + json.dumps(entry["ratios"]), file=sys.stderr, flush=True)

    keys = repeats[0]["ratios"].keys()
    medians = {k: statistics.median(r["ratios"][k] for r in repeats if r["ratios"][k] is not None)
               for k in keys if any(r["ratios"][k] is not None for r in repeats)}
    goals = {
        "cnn_epoch_vs_torch": ("<=", 0.7), "mlp_epoch_vs_torch": ("<=", 0.5),
        "mlp_epoch_vs_keras": ("<=", 0.8), "mlp_batch1_vs_torch": (">=", 3.0),
        "cnn_batch1_vs_torch": (">=", 3.0), "cnn_flop_bound_ratio": ("<=", 3.0),
        "cnn_epoch_cpu_vs_torch": ("<=", 0.7), "mlp_epoch_cpu_vs_torch": ("<=", 0.5),
        "mlp_batch1_cpu_vs_torch": (">=", 3.0), "cnn_batch1_cpu_vs_torch": (">=", 3.0),
        "mlp_epoch_cpu_vs_keras": ("<=", 0.8),
    }
    met = {k: (medians[k] <= v if op == "<=" else medians[k] >= v)
           for k, (op, v) in goals.items() if k in medians}
    print(json.dumps({"repeats": repeats, "median_ratios": medians, "goals_met": met}, indent=2))


if __name__ == "__main__":
    main()
