"""Trains every recipe of recipes.py with a plain PyTorch loop and writes JSON lines (a header with
the run's config and class names, then one object per epoch: loss, accuracy, val_loss,
val_accuracy, lr), as a hand-written training script logs them.

Run: OMP_NUM_THREADS=1 nice -n 10 /work/venv/bin/python scripts/corpus/torch_runs.py [--seed N] [--holdout | --tuning2 | --holdout3 | --holdout4 | --holdout5 | --holdout6 | --holdout7] [PREFIX...]
     (the options: common.Arguments)
Writes Tests/DLTopMonitorTests/Fixtures/field-corpus/torch/<label>-<name>.jsonl and runs.tsv.
The train loss/accuracy of an epoch is the mean over its batches (as Keras reports it); the val
figures are computed after the epoch.
"""
import math
import sys

import numpy as np
import torch

import common

torch.set_num_threads(1)
FRAMEWORK = "torch"
SEED = 11
HOLDOUT_SEED = 13


def model_for(r, inputs, classes):
    layers, width = [], inputs
    act = {"relu": torch.nn.ReLU, "sigmoid": torch.nn.Sigmoid, "tanh": torch.nn.Tanh}[r["act"]]
    for h in r["hidden"]:
        layers += [torch.nn.Linear(width, h), act()]
        if r["dropout"]:
            layers.append(torch.nn.Dropout(r["dropout"]))
        width = h
    layers.append(torch.nn.Linear(width, classes))
    model = torch.nn.Sequential(*layers)
    for m in model:
        if isinstance(m, torch.nn.Linear):
            init = r["init"]
            if init == "he":
                torch.nn.init.kaiming_normal_(m.weight, nonlinearity="relu")
            elif init == "xavier":
                torch.nn.init.xavier_uniform_(m.weight)
            elif init == "zeros":
                torch.nn.init.zeros_(m.weight)
            else:
                torch.nn.init.normal_(m.weight, 0, float(init.split(":")[1]))
            torch.nn.init.zeros_(m.bias)
    return model


def optimizer_for(r, params):
    lr, wd = r["lr"], r["l2"]
    return {
        "sgd": lambda: torch.optim.SGD(params, lr=lr, weight_decay=wd),
        "momentum": lambda: torch.optim.SGD(params, lr=lr, momentum=0.9, weight_decay=wd),
        "nesterov": lambda: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True, weight_decay=wd),
        "rmsprop": lambda: torch.optim.RMSprop(params, lr=lr, weight_decay=wd),
        "adagrad": lambda: torch.optim.Adagrad(params, lr=lr, weight_decay=wd),
        "adam": lambda: torch.optim.Adam(params, lr=lr, weight_decay=wd),
    }[r["opt"]]()


def scheduler_for(r, opt):
    if r["schedule"] == "step":
        return torch.optim.lr_scheduler.StepLR(opt, step_size=max(1, r["epochs"] // 4), gamma=0.5)
    if r["schedule"] == "exp":
        return torch.optim.lr_scheduler.ExponentialLR(opt, gamma=0.95)
    return None


def train(r, seed):
    xt, yt, xv, yv, classes = common.dataset(r["data"], seed)
    torch.manual_seed(seed)
    xt, xv = torch.tensor(xt * r["scale"]), torch.tensor(xv * r["scale"])
    yt, yv = torch.tensor(yt), torch.tensor(yv)
    model = model_for(r, xt.shape[1], classes)
    opt = optimizer_for(r, model.parameters())
    sched = scheduler_for(r, opt)
    lossf = torch.nn.CrossEntropyLoss()
    history = []
    gen = torch.Generator().manual_seed(seed)
    for _ in range(r["epochs"]):
        model.train()
        order = torch.randperm(len(yt), generator=gen)
        total, correct, count = 0.0, 0, 0
        lr = opt.param_groups[0]["lr"]
        for i in range(0, len(yt), r["batch"]):
            idx = order[i:i + r["batch"]]
            out = model(xt[idx])
            loss = lossf(out, yt[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
            total += loss.item() * len(idx)
            correct += (out.argmax(1) == yt[idx]).sum().item()
            count += len(idx)
        model.eval()
        with torch.no_grad():
            out = model(xv)
            vloss = lossf(out, yv).item()
            vacc = (out.argmax(1) == yv).float().mean().item()
        history.append(dict(loss=total / count, accuracy=correct / count, val_loss=vloss, val_accuracy=vacc, lr=lr))
        if sched:
            sched.step()
        if not math.isfinite(total) or not math.isfinite(vloss):
            break  # as TerminateOnNaN: the run ends at the first non-finite loss
    return history, classes


def train_and_write(r, seed, path):
    history, classes = train(r, seed)
    header = {"type": "header", "classes": [str(c) for c in range(classes)],
              "config": {"framework": "pytorch", "optimizer": r["opt"], "lr": r["lr"], "batch": r["batch"],
                         "epochs": r["epochs"], "init": r["init"], "activation": r["act"],
                         "hidden": r["hidden"], "schedule": r["schedule"], "l2": r["l2"], "dropout": r["dropout"]}}
    common.write_json_lines(path, header, history)
    return history, classes


def main():
    common.generate(FRAMEWORK, "jsonl", train_and_write, common.Arguments(sys.argv[1:], SEED, HOLDOUT_SEED, common.TUNING2_SEEDS["torch"],
                                     common.HOLDOUT3_SEEDS["torch"],
                                     common.HOLDOUT4_SEEDS["torch"],
                                     common.HOLDOUT5_SEEDS["torch"],
                                     common.HOLDOUT6_SEEDS["torch"],
                                     common.HOLDOUT7_SEEDS["torch"]))


if __name__ == "__main__":
    main()
