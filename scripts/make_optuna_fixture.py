#!/usr/bin/env python3
"""Writes Tests/DLTopMonitorTests/Fixtures/optuna/study.db with the real `optuna` package.

Not part of the product. Run: OMP_NUM_THREADS=1 /work/venv/bin/python scripts/make_optuna_fixture.py
A study "dltop-fixture" (minimize) over lr (log float), dropout (float) and batch (categorical),
with trials in every state: COMPLETE, PRUNED (median pruner, intermediate values per epoch),
FAIL, RUNNING (asked, never told) and WAITING (enqueued). The objective is a made-up function of
the parameters, so the fixture is small and deterministic (TPE seeded).
"""
import math, os, sys

import optuna

OUT = os.path.join(os.path.dirname(__file__), "..", "Tests", "DLTopMonitorTests", "Fixtures", "optuna", "study.db")


def main():
    path = os.path.abspath(OUT)
    if os.path.exists(path):
        os.remove(path)
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    study = optuna.create_study(
        study_name="dltop-fixture", storage=f"sqlite:///{path}", direction="minimize",
        sampler=optuna.samplers.TPESampler(seed=7), pruner=optuna.pruners.MedianPruner(n_startup_trials=3))

    def objective(trial):
        lr = trial.suggest_float("lr", 1e-6, 1e-2, log=True)
        dropout = trial.suggest_float("dropout", 0.0, 0.5)
        batch = trial.suggest_categorical("batch", [32, 64, 128])
        if trial.number == 5:
            raise RuntimeError("simulated crash")
        loss = 2.0
        for epoch in range(1, 6):
            loss = 0.3 + abs(math.log10(lr) + 3) * 0.4 + dropout * 0.2 + 1.5 / (epoch + batch / 64)
            trial.report(loss, epoch)
            if trial.should_prune():
                raise optuna.TrialPruned()
        return loss

    study.optimize(objective, n_trials=12, catch=(RuntimeError,))
    running = study.ask()  # RUNNING: asked, never told
    running.suggest_float("lr", 1e-6, 1e-2, log=True)
    running.suggest_float("dropout", 0.0, 0.5)
    running.suggest_categorical("batch", [32, 64, 128])
    running.report(1.23, 1)
    study.enqueue_trial({"lr": 1e-3, "dropout": 0.1, "batch": 64})  # WAITING
    for t in study.trials:
        print(t.number, t.state.name, t.value, t.params, dict(t.intermediate_values), file=sys.stderr)
    print(path)


if __name__ == "__main__":
    main()
