"""Writes the fixtures of the ecosystem readers with the real libraries, on CPU, in tiny runs.

Run from anywhere with the project's venv: `python make_fixtures.py [section …]` (sections:
huggingface huggingface_finetune mlflow wandb trackio ultralytics lightning lightning_hparams;
default all). Each section rewrites its
folder under this one and its part of `expected.json`: the epoch-level values the library was
given or reported, under dltop's metric names, which the Swift tests compare with what dltop reads.
"""
import json
import math
import os
import random
import shutil
import struct
import sys
import zlib

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("WANDB_SILENT", "true")
os.environ.setdefault("YOLO_OFFLINE", "1")

HERE = os.path.dirname(os.path.abspath(__file__))
EXPECTED = os.path.join(HERE, "expected.json")


def fresh(name):
    path = os.path.join(HERE, name)
    shutil.rmtree(path, ignore_errors=True)
    os.makedirs(path)
    return path


def record(section, value):
    data = {}
    if os.path.exists(EXPECTED):
        with open(EXPECTED) as f:
            data = json.load(f)
    data[section] = value
    with open(EXPECTED, "w") as f:
        json.dump(data, f, indent=1, sort_keys=True, allow_nan=True)
        f.write("\n")


def tiny_torch_history(epochs, seed):
    """A real (tiny) training loop: logistic regression on separable blobs; per-epoch values."""
    import torch

    torch.manual_seed(seed)
    x = torch.randn(64, 4)
    y = (x[:, 0] + 0.5 * x[:, 1] > 0).long()
    model = torch.nn.Linear(4, 2)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.5)
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=2, gamma=0.5)
    history = []
    for epoch in range(epochs):
        lr = optimizer.param_groups[0]["lr"]
        optimizer.zero_grad()
        out = model(x[:48])
        loss = torch.nn.functional.cross_entropy(out, y[:48])
        loss.backward()
        optimizer.step()
        scheduler.step()
        with torch.no_grad():
            acc = (out.argmax(1) == y[:48]).float().mean().item()
            vout = model(x[48:])
            vloss = torch.nn.functional.cross_entropy(vout, y[48:]).item()
            vacc = (vout.argmax(1) == y[48:]).float().mean().item()
        history.append({"loss": loss.item(), "accuracy": acc, "val_loss": vloss,
                        "val_accuracy": vacc, "lr": lr})
    return history


# ---------------------------------------------------------------- Hugging Face
def train_tiny_bert(name, seed, train_rows, eval_rows, **arguments):
    """A one-layer BERT on random token rows (label: first token > 25), trained by the real
    `Trainer` into `<name>/out`. Returns the trainer once its state is saved and every file but
    trainer_state.json is removed (the tests need only the state files)."""
    import numpy as np
    import torch
    from transformers import (BertConfig, BertForSequenceClassification, Trainer,
                              TrainingArguments)

    out = os.path.join(fresh(name), "out")
    torch.manual_seed(seed)
    config = BertConfig(vocab_size=50, hidden_size=16, num_hidden_layers=1, num_attention_heads=2,
                        intermediate_size=16, max_position_embeddings=16, num_labels=2)
    model = BertForSequenceClassification(config)
    rng = random.Random(seed)

    class Data(torch.utils.data.Dataset):
        def __init__(self, n):
            self.rows = []
            for _ in range(n):
                ids = [rng.randrange(1, 50) for _ in range(8)]
                self.rows.append({"input_ids": torch.tensor(ids),
                                  "attention_mask": torch.ones(8, dtype=torch.long),
                                  "labels": torch.tensor(int(ids[0] > 25))})

        def __len__(self):
            return len(self.rows)

        def __getitem__(self, i):
            return self.rows[i]

    def accuracy(prediction):
        logits, labels = prediction
        return {"accuracy": float((np.argmax(logits, axis=1) == labels).mean())}

    args = TrainingArguments(output_dir=out, report_to="none", use_cpu=True, seed=seed,
                             dataloader_num_workers=0, **arguments)
    trainer = Trainer(model=model, args=args, train_dataset=Data(train_rows),
                      eval_dataset=Data(eval_rows), compute_metrics=accuracy)
    trainer.train()
    trainer.save_state()
    for root, _, names in os.walk(out):
        for name in names:
            if name != "trainer_state.json":
                os.remove(os.path.join(root, name))
    return trainer


def huggingface():
    import transformers

    # 48 samples / batch 8 = 6 steps per epoch: checkpoints 6, 12, 18 (text order would pick 6).
    trainer = train_tiny_bert("huggingface", 0, 48, 16, num_train_epochs=3,
                              per_device_train_batch_size=8, per_device_eval_batch_size=8,
                              learning_rate=5e-3, eval_strategy="epoch", save_strategy="epoch",
                              logging_strategy="steps", logging_steps=2, save_only_model=True)
    epochs = {}
    steps = []
    for entry in trainer.state.log_history:
        if "train_runtime" in entry:
            continue
        e = entry["epoch"]
        if e != int(e):
            steps.append({"step": entry["step"], "loss": entry.get("loss")})
            continue
        row = epochs.setdefault(str(int(e)), {})
        names = {"loss": "loss", "learning_rate": "lr", "grad_norm": "grad_norm",
                 "eval_loss": "val_loss", "eval_accuracy": "val_accuracy"}
        for key, name in names.items():
            if key in entry:
                row[name] = entry[key]
    record("huggingface", {"folder": "huggingface/out", "epochs": epochs, "steps": steps,
                           "transformers": transformers.__version__,
                           "final_train_loss": trainer.state.log_history[-1].get("train_loss")})


def huggingface_finetune():
    """A fine-tuning run's shape: 2 epochs of 1000 steps, every step logged (2000 entries)."""
    import transformers

    # 2000 samples / batch 2 = 1000 steps per epoch.
    trainer = train_tiny_bert("huggingface_finetune", 1, 2000, 64, num_train_epochs=2,
                              per_device_train_batch_size=2, per_device_eval_batch_size=16,
                              learning_rate=2e-3, lr_scheduler_type="linear", warmup_steps=100,
                              eval_strategy="epoch", save_strategy="no", logging_strategy="steps",
                              logging_steps=1)
    steps = []
    epochs = {}
    for entry in trainer.state.log_history:
        if "train_runtime" in entry:
            continue
        e = entry["epoch"]
        if e != int(e):
            steps.append({"step": entry["step"], "epoch": e, "loss": entry.get("loss"),
                          "lr": entry.get("learning_rate")})
            continue
        row = epochs.setdefault(str(int(e)), {"step": entry["step"]})
        for key, name in {"loss": "loss", "eval_loss": "val_loss",
                          "eval_accuracy": "val_accuracy"}.items():
            if key in entry:
                row[name] = entry[key]
    record("huggingface_finetune", {"folder": "huggingface_finetune/out", "epochs": epochs,
                                    "steps": steps, "transformers": transformers.__version__})


# ---------------------------------------------------------------- MLflow
def mlflow_runs():
    import mlflow

    folder = fresh("mlflow")
    result = {"mlflow": mlflow.__version__}
    # The file store: mlruns/<experiment>/<run>/metrics/<key> (in maintenance mode since MLflow 3.x,
    # still what many existing runs are; MLFLOW_ALLOW_FILE_STORE lets it write).
    os.environ["MLFLOW_ALLOW_FILE_STORE"] = "true"
    mlflow.set_tracking_uri("file:" + os.path.join(folder, "mlruns"))
    mlflow.set_experiment("tiny")
    history = tiny_torch_history(5, seed=1)
    with mlflow.start_run(run_name="file-store-run") as run:
        mlflow.log_params({"optimizer": "sgd", "lr": 0.5})
        for epoch, row in enumerate(history):
            for name, value in row.items():
                mlflow.log_metric(name, value, step=epoch)
        mlflow.log_metric("grad_norm", float("nan"), step=4)
        result["file_store"] = {"run_id": run.info.run_id,
                                "epochs": {str(e): row for e, row in enumerate(history)},
                                "nan": {"epoch": 4, "name": "grad_norm"}}
    # The SQLite store: two runs in one mlflow.db, one with a NaN loss.
    db = os.path.join(folder, "mlflow.db")
    mlflow.set_tracking_uri("sqlite:///" + db)
    mlflow.set_experiment("tiny-sqlite")
    runs = {}
    for index, name in enumerate(["first", "second"]):
        history = tiny_torch_history(4, seed=2 + index)
        if index == 1:
            history[3]["loss"] = float("nan")
        with mlflow.start_run(run_name=name) as run:
            mlflow.log_param("seed", 2 + index)
            for epoch, row in enumerate(history):
                mlflow.log_metrics(row, step=epoch)
        runs[run.info.run_id] = {"name": name,
                                 "epochs": {str(e): row for e, row in enumerate(history)}}
    result["sqlite"] = {"file": "mlflow/mlflow.db", "runs": runs}
    record("mlflow", result)


# ---------------------------------------------------------------- W&B
def frame_offsets(path):
    """Fragment offsets of a .wandb file (LevelDB log framing): the test oracle for damage."""
    data = open(path, "rb").read()
    offsets = []
    position = 7
    while position + 7 <= len(data):
        room = 32768 - position % 32768
        if room < 7:
            position += room
            continue
        crc, length, kind = struct.unpack_from("<IHB", data, position)
        if length == 0 and kind == 0:
            position += room
            continue
        payload = data[position + 7:position + 7 + length]
        assert zlib.crc32(payload, zlib.crc32(bytes([kind]))) & 0xFFFFFFFF == crc, position
        offsets.append((position, length, kind))
        position += 7 + length
    return data, offsets


def wandb_run():
    import wandb

    folder = fresh("wandb")
    os.environ["WANDB_MODE"] = "offline"
    history = tiny_torch_history(6, seed=4)
    run = wandb.init(project="tiny", dir=folder, config={"optimizer": "sgd", "batch": 48},
                     settings=wandb.Settings(x_disable_stats=True, console="off"))
    step_losses = []
    for epoch, row in enumerate(history):
        # Per-step rows first (enough of them to span several 32 KiB blocks), then the epoch row.
        for batch in range(300):
            value = row["loss"] * (1 + 0.01 * math.sin(batch))
            step_losses.append(value)
            run.log({"batch/loss": value, "batch/padding": "x" * 40})
        run.log({"epoch": epoch, **row})
    run.finish()
    runs = [os.path.join(folder, "wandb", n) for n in os.listdir(os.path.join(folder, "wandb"))
            if n.startswith("offline-run-")]
    assert len(runs) == 1, runs
    names = [n for n in os.listdir(runs[0]) if n.endswith(".wandb")]
    path = os.path.join(runs[0], names[0])
    for sub in os.listdir(runs[0]):
        if sub in ("files", "logs", "tmp"):
            shutil.rmtree(os.path.join(runs[0], sub), ignore_errors=True)
    for name in os.listdir(os.path.join(folder, "wandb")):
        if name.startswith("debug"):  # debug logs name this machine's paths; the run is the .wandb
            os.remove(os.path.join(folder, "wandb", name))
    data, offsets = frame_offsets(path)
    # Damaged copies: cut 10 bytes into a fragment two thirds in; flip one byte of the data of a
    # fragment half-way through the file.
    damaged = fresh("wandb-damaged")
    cut = offsets[len(offsets) * 2 // 3]
    with open(os.path.join(damaged, "truncated.wandb"), "wb") as f:
        f.write(data[:cut[0] + 10])
    flip = offsets[len(offsets) // 2]
    flipped = bytearray(data)
    flipped[flip[0] + 7 + flip[1] // 2] ^= 0x40
    with open(os.path.join(damaged, "flipped.wandb"), "wb") as f:
        f.write(bytes(flipped))
    record("wandb", {
        "wandb": wandb.__version__,
        "file": os.path.relpath(path, HERE),
        "epochs": {str(e): row for e, row in enumerate(history)},
        "step_rows": len(step_losses),
        "first_step_loss": step_losses[0],
        "blocks": len(data) // 32768 + 1,
        "truncated": {"file": "wandb-damaged/truncated.wandb", "offset": cut[0]},
        "flipped": {"file": "wandb-damaged/flipped.wandb", "offset": flip[0],
                    "byte": flip[0] + 7 + flip[1] // 2},
    })


# ---------------------------------------------------------------- trackio
def trackio_runs():
    folder = fresh("trackio")
    os.environ["TRACKIO_DIR"] = folder
    import trackio

    runs = {}
    for index, name in enumerate(["alpha", "beta"]):
        history = tiny_torch_history(5, seed=6 + index)
        if index == 1:
            history[2]["val_loss"] = float("nan")
        trackio.init(project="tiny", name=name, config={"seed": 6 + index})
        for epoch, row in enumerate(history):
            trackio.log({"epoch": epoch, **row})
        trackio.finish()
        runs[name] = {"epochs": {str(e): row for e, row in enumerate(history)}}
    dbs = [n for n in os.listdir(folder) if n.endswith(".db")]
    record("trackio", {"trackio": trackio.__version__, "file": "trackio/" + dbs[0], "runs": runs})


# ---------------------------------------------------------------- Ultralytics
def ultralytics_run():
    from PIL import Image
    import ultralytics
    from ultralytics import YOLO, settings

    # Ultralytics logs to MLflow, W&B, … when they are installed; only results.csv is wanted here.
    # The settings file is shared by the machine's user: restore it afterwards.
    integrations = [k for k in ("mlflow", "wandb", "tensorboard", "clearml", "comet", "dvc",
                                "neptune", "raytune", "sync") if k in settings]
    saved = {k: settings[k] for k in integrations}
    settings.update({k: False for k in integrations})
    try:
        ultralytics_train(YOLO)
    finally:
        settings.update(saved)


def ultralytics_train(YOLO):
    from PIL import Image
    import ultralytics

    folder = fresh("ultralytics")
    work = os.path.join(folder, "work")
    data = os.path.join(work, "data")
    rng = random.Random(0)
    for split, count in (("train", 12), ("val", 6)):
        for label, colour in (("red", (200, 30, 30)), ("blue", (30, 30, 200))):
            path = os.path.join(data, split, label)
            os.makedirs(path)
            for i in range(count):
                image = Image.new("RGB", (32, 32), tuple(c + rng.randrange(40) for c in colour))
                image.save(os.path.join(path, f"{i}.png"))
    project = os.path.join(work, "runs")
    crashed = {"done": False}

    def crash_before_checkpoint(trainer):
        # Epoch 2's row is in results.csv but its checkpoint is not: resuming repeats epoch 2.
        original = trainer.save_model

        def save_model():
            if trainer.epoch == 1 and not crashed["done"]:
                crashed["done"] = True
                raise KeyboardInterrupt("simulated crash after epoch 2's results row")
            return original()

        trainer.save_model = save_model

    model = YOLO("yolov8n-cls.yaml")
    model.add_callback("on_pretrain_routine_end", crash_before_checkpoint)
    arguments = dict(data=data, epochs=3, imgsz=32, batch=4, device="cpu", workers=0, plots=False,
                     project=project, name="train", exist_ok=True, verbose=False, amp=False,
                     seed=0, deterministic=True, val=True)
    try:
        model.train(**arguments)
    except KeyboardInterrupt:
        pass
    last = os.path.join(project, "train", "weights", "last.pt")
    YOLO(last).train(resume=True)
    run = os.path.join(folder, "runs", "train")
    os.makedirs(run)
    shutil.copy(os.path.join(project, "train", "results.csv"), run)
    shutil.rmtree(work)
    import csv

    rows = list(csv.DictReader(open(os.path.join(run, "results.csv"))))
    epochs = {}
    for row in rows:  # a later row of an epoch replaces the earlier one
        row = {k.strip(): float(v) for k, v in row.items()}
        epochs[str(int(row["epoch"]))] = {
            "loss": row["train/loss"], "val_loss": row["val/loss"],
            "val_accuracy": row["metrics/accuracy_top1"], "lr": row["lr/pg0"]}
    record("ultralytics", {"ultralytics": ultralytics.__version__, "file": "ultralytics/runs/train/results.csv",
                           "rows": len(rows), "epochs": epochs})


# ---------------------------------------------------------------- Lightning TensorBoardLogger
def lightning_tensorboard():
    import lightning
    import torch
    from lightning.pytorch import LightningModule, Trainer, Callback
    from lightning.pytorch.loggers import TensorBoardLogger

    folder = fresh("lightning_tb")
    torch.manual_seed(0)
    x = torch.randn(96, 4)
    y = (x[:, 0] - x[:, 2] > 0).long()
    train = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(x[:64], y[:64]), batch_size=16)
    val = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(x[64:], y[64:]), batch_size=16)

    class Model(LightningModule):
        def __init__(self):
            super().__init__()
            self.layer = torch.nn.Linear(4, 2)

        def training_step(self, batch, _):
            inputs, labels = batch
            out = self.layer(inputs)
            loss = torch.nn.functional.cross_entropy(out, labels)
            self.log("train_loss", loss, on_step=True, on_epoch=True)
            self.log("train_acc", (out.argmax(1) == labels).float().mean(), on_step=False, on_epoch=True)
            return loss

        def validation_step(self, batch, _):
            inputs, labels = batch
            out = self.layer(inputs)
            self.log("val_loss", torch.nn.functional.cross_entropy(out, labels))
            self.log("val_acc", (out.argmax(1) == labels).float().mean())

        def configure_optimizers(self):
            return torch.optim.SGD(self.parameters(), lr=0.3)

    epochs = {}

    class Capture(Callback):
        def on_train_epoch_end(self, trainer, module):
            m = trainer.callback_metrics
            epochs[str(trainer.current_epoch)] = {
                "loss": m["train_loss_epoch"].item(), "accuracy": m["train_acc"].item(),
                "val_loss": m["val_loss"].item(), "val_accuracy": m["val_acc"].item()}

    trainer = Trainer(max_epochs=10, logger=TensorBoardLogger(folder, name="lightning_logs"),
                      callbacks=[Capture()], log_every_n_steps=1, enable_checkpointing=False,
                      enable_progress_bar=False, enable_model_summary=False, accelerator="cpu")
    trainer.fit(Model(), train, val)
    record("lightning_tb", {"lightning": lightning.__version__, "folder": "lightning_tb/lightning_logs/version_0",
                            "epochs": epochs})


# ------------------------------------------------- Lightning CSVLogger with save_hyperparameters
def lightning_hparams():
    import lightning
    import torch
    from lightning.pytorch import LightningModule, Trainer
    from lightning.pytorch.loggers import CSVLogger

    folder = fresh("lightning_hparams")
    torch.manual_seed(0)
    x = torch.randn(64, 4)
    y = (x[:, 0] - x[:, 2] > 0).long()
    train = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(x[:48], y[:48]), batch_size=16)
    val = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(x[48:], y[48:]), batch_size=16)

    class Model(LightningModule):
        def __init__(self, lr=0.3, hidden=8, optimizer="sgd", layers=(4, 8, 2),
                     schedule=None):
            super().__init__()
            self.save_hyperparameters()
            self.net = torch.nn.Sequential(torch.nn.Linear(4, hidden), torch.nn.ReLU(),
                                           torch.nn.Linear(hidden, 2))

        def training_step(self, batch, _):
            inputs, labels = batch
            loss = torch.nn.functional.cross_entropy(self.net(inputs), labels)
            self.log("train_loss", loss, on_step=False, on_epoch=True)
            return loss

        def validation_step(self, batch, _):
            inputs, labels = batch
            self.log("val_loss", torch.nn.functional.cross_entropy(self.net(inputs), labels))

        def configure_optimizers(self):
            return torch.optim.SGD(self.parameters(), lr=self.hparams.lr)

    model = Model(lr=0.05, hidden=16, layers=[4, 16, 2], schedule={"name": "step", "gamma": 0.5})
    trainer = Trainer(max_epochs=3, logger=CSVLogger(folder, name="lightning_logs"),
                      enable_checkpointing=False, enable_progress_bar=False,
                      enable_model_summary=False, accelerator="cpu")
    trainer.fit(model, train, val)
    hparams = {k: v for k, v in model.hparams.items()}
    record("lightning_hparams", {"lightning": lightning.__version__,
                                 "folder": "lightning_hparams/lightning_logs/version_0",
                                 "hparams": hparams})


SECTIONS = {"huggingface": huggingface, "huggingface_finetune": huggingface_finetune,
            "mlflow": mlflow_runs, "wandb": wandb_run,
            "trackio": trackio_runs, "ultralytics": ultralytics_run,
            "lightning": lightning_tensorboard, "lightning_hparams": lightning_hparams}

if __name__ == "__main__":
    for name in sys.argv[1:] or SECTIONS:
        print("==", name, flush=True)
        SECTIONS[name]()
