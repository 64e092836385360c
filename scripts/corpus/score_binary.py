"""Scores a dltop binary's `dltop diagnose --json` verdict on every half of the split (tuning, validation, holdout), by label and
framework — how the baseline (the diagnoser before this corpus existed) was measured.

Run: python3 scripts/corpus/score_binary.py DLTOP
Only the final label is scored (no per-epoch check, no confidence); a Keras CSV is read without
its class count, as `dltop diagnose` reads it.
"""
import collections
import csv
import json
import os
import subprocess
import sys

import common

FIXTURES = os.path.dirname(common.OUT)
LABELS = ["healthy", "overfitting", "underfitting", "divergence", "oscillation", "plateau"]


def main():
    dltop = sys.argv[1]
    with open(os.path.join(common.OUT, "split.tsv")) as f:
        runs = list(csv.DictReader(f, delimiter="\t"))
    table = collections.defaultdict(lambda: [0, 0])
    for run in runs:
        out = subprocess.run([dltop, "diagnose", os.path.join(FIXTURES, run["file"]), "--json"], capture_output=True, text=True)
        verdict = json.loads(out.stdout)["verdict"] if out.stdout.strip() else "error"
        for key in [(run["half"], "all"), (run["half"], run["framework"]), (run["half"], run["label"])]:
            table[key][0] += verdict == run["label"]
            table[key][1] += 1
    for half in sorted({run["half"] for run in runs}, key=["tuning", "validation", "holdout"].index):
        parts = [f"{name} {table[(half, name)][0]}/{table[(half, name)][1]}" for name in ["all", "dltop", "torch", "keras"] + LABELS]
        print(f"{half}: " + "  ".join(parts))


if __name__ == "__main__":
    main()
