"""Per-step logs as fine-tuning scripts write them: few epochs, the loss of every step, in JSON lines
({"step", "epoch", "loss"} per step, {"epoch", "loss", "val_loss", ...} per epoch).

Run: OMP_NUM_THREADS=1 nice -n 10 /work/venv/bin/python scripts/corpus/torch_steps.py
Writes Tests/DLTopMonitorTests/Fixtures/step-spikes/:
  healthy-adam.jsonl       Fashion-MNIST MLP, Adam 1e-3, batch 32: no spike made
  healthy-sgd-batch4.jsonl the same with SGD 0.02, batch 4: a noisy per-step loss, no spike made
  spikes-bad-batches.jsonl as healthy-adam, but the inputs of the batches at steps 150, 300 and
                           450 are multiplied by 25 (a corrupt batch): three spikes made
The steps with spikes made are listed in spikes.json.
"""
import json
import os

import torch

import common

torch.set_num_threads(1)
OUT = os.path.join(os.path.dirname(common.OUT), "step-spikes")
BAD_STEPS = [150, 300, 450]


def run(name, opt_name, lr, batch, bad_steps, seed=5):
    xt, yt, xv, yv, classes = common.dataset("fashion", seed)
    xt, xv, yt, yv = map(torch.tensor, (xt, xv, yt, yv))
    torch.manual_seed(seed)
    model = torch.nn.Sequential(torch.nn.Linear(784, 128), torch.nn.ReLU(), torch.nn.Linear(128, classes))
    opt = torch.optim.Adam(model.parameters(), lr=lr) if opt_name == "adam" else torch.optim.SGD(model.parameters(), lr=lr)
    lossf = torch.nn.CrossEntropyLoss()
    step = 0
    lines = [{"type": "header", "classes": [str(c) for c in range(classes)], "config": {"optimizer": opt_name, "lr": lr, "batch": batch}}]
    epochs = 8 if batch >= 16 else 1
    for epoch in range(1, epochs + 1):
        order = torch.randperm(len(yt))
        total = 0.0
        for i in range(0, len(yt), batch):
            step += 1
            idx = order[i:i + batch]
            x = xt[idx] * (25 if step in bad_steps else 1)
            loss = lossf(model(x), yt[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
            total += loss.item() * len(idx)
            lines.append({"step": step, "epoch": epoch, "loss": loss.item()})
        with torch.no_grad():
            out = model(xv)
            lines.append({"epoch": epoch, "loss": total / len(yt), "val_loss": lossf(out, yv).item(),
                          "val_accuracy": (out.argmax(1) == yv).float().mean().item()})
    with open(os.path.join(OUT, f"{name}.jsonl"), "w") as f:
        f.writelines(json.dumps(line) + "\n" for line in lines)
    print(name, step, "steps")


def main():
    os.makedirs(OUT, exist_ok=True)
    run("healthy-adam", "adam", 1e-3, 32, [])
    run("healthy-sgd-batch4", "sgd", 0.02, 4, [])
    run("spikes-bad-batches", "adam", 1e-3, 32, BAD_STEPS)
    with open(os.path.join(OUT, "spikes.json"), "w") as f:
        json.dump({"healthy-adam": [], "healthy-sgd-batch4": [], "spikes-bad-batches": BAD_STEPS}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
