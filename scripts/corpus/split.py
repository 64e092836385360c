"""Assigns every kept run of the field corpus to the tuning or the validation half, once.

Run: python3 scripts/corpus/split.py   (after the generators)
The held-out runs of field-corpus/holdout-2 (made with `--holdout`) form a third half, `holdout`,
scored once at the end of a tuning round; the third held-out set, field-corpus/holdout-3 (made with
`--holdout3`), forms a fourth half, `holdout3`, the same way, and the fourth, field-corpus/holdout-4
(`--holdout4`), a fifth half, `holdout4`, the fifth, field-corpus/holdout-5 (`--holdout5`), a sixth
half, `holdout5`, the sixth, field-corpus/holdout-6 (`--holdout6`), a seventh half, `holdout6`, and the
seventh, field-corpus/holdout-7 (`--holdout7`), an eighth half, `holdout7`. The second tuning pool, field-corpus/tuning-2 (made with
`--tuning2`), goes to the tuning half whole. Within each (label, framework) group the runs, sorted by file name, alternate between the halves
from a random start seeded by the group's name, so both halves hold every label of every framework about equally.
The older corpora (diagnosis-corpus, keras-runs) tuned the diagnoser before this corpus existed:
they all go to the tuning half. A run already in split.tsv keeps its half (the split is never
redrawn); only runs new to the file are assigned.
"""
import csv
import glob
import json
import os
import random

import common

FIXTURES = os.path.dirname(common.OUT)
SPLIT = os.path.join(common.OUT, "split.tsv")
FIELDS = ["file", "label", "framework", "family", "classes", "half"]


def field_runs(root=common.OUT):
    prefix = os.path.relpath(root, FIXTURES)
    for framework in ("dltop", "torch", "keras"):
        for path in sorted(glob.glob(os.path.join(root, framework, "runs*.tsv"))):
            with open(path) as f:
                for row in csv.DictReader(f, delimiter="\t"):
                    if row["kept"] == "1":
                        yield dict(file=f"{prefix}/{framework}/{row['file']}", label=row["label"],
                                   framework=framework, family=row["family"], classes=row["classes"])


def holdout_runs():
    """The second held-out set (recipes.HOLDOUT, `--holdout`): every kept run is in the holdout half."""
    for r in field_runs(common.HOLDOUT_OUT):
        yield dict(r, half="holdout")


def holdout3_runs():
    """The third held-out set (recipes.HOLDOUT3, `--holdout3`): every kept run is in the holdout3 half."""
    for r in field_runs(common.HOLDOUT3_OUT):
        yield dict(r, half="holdout3")


def holdout4_runs():
    """The fourth held-out set (recipes.HOLDOUT4, `--holdout4`): every kept run is in the holdout4 half."""
    for r in field_runs(common.HOLDOUT4_OUT):
        yield dict(r, half="holdout4")


def holdout5_runs():
    """The fifth held-out set (recipes.HOLDOUT5, `--holdout5`): every kept run is in the holdout5 half."""
    for r in field_runs(common.HOLDOUT5_OUT):
        yield dict(r, half="holdout5")


def holdout6_runs():
    """The sixth held-out set (recipes.HOLDOUT6, `--holdout6`): every kept run is in the holdout6 half."""
    for r in field_runs(common.HOLDOUT6_OUT):
        yield dict(r, half="holdout6")


def holdout7_runs():
    """The seventh held-out set (recipes.HOLDOUT7, `--holdout7`): every kept run is in the holdout7 half."""
    for r in field_runs(common.HOLDOUT7_OUT):
        yield dict(r, half="holdout7")


def tuning2_runs():
    """The second tuning pool (recipes.TUNING2, `--tuning2`): every kept run is in the tuning half."""
    for r in field_runs(common.TUNING2_OUT):
        yield dict(r, half="tuning")


def old_runs():
    with open(os.path.join(FIXTURES, "diagnosis-corpus", "corpus.tsv")) as f:
        for row in csv.DictReader(f, delimiter="\t"):
            yield dict(file=f"diagnosis-corpus/{row['file']}", label=row["label"], framework="dltop",
                       family="older corpus", classes="", half="tuning")
    with open(os.path.join(FIXTURES, "keras-runs", "labels.json")) as f:
        for name, run in json.load(f)["runs"].items():
            yield dict(file=f"keras-runs/{name}.csv", label=run["label"], framework="keras", family="older corpus",
                       classes=run["classes"] if run["classes"] is not None else "", half="tuning")


def main():
    existing = {}
    if os.path.exists(SPLIT):
        with open(SPLIT) as f:
            existing = {row["file"]: row for row in csv.DictReader(f, delimiter="\t")}
    rows = [existing.get(r["file"], r) for r in old_runs()]
    new = [r for r in field_runs() if r["file"] not in existing]
    rows += [existing[r["file"]] for r in field_runs() if r["file"] in existing]
    groups = {}
    for r in new:
        groups.setdefault((r["label"], r["framework"]), []).append(r)
    for key in sorted(groups):
        start = random.Random(f"{key[0]}/{key[1]}").randrange(2)  # one seeded start per group
        for i, r in enumerate(sorted(groups[key], key=lambda r: r["file"])):
            r["half"] = ("tuning", "validation")[(i + start) % 2]
    rows += new
    rows += [existing.get(r["file"], r) for r in holdout_runs()]
    rows += [existing.get(r["file"], r) for r in tuning2_runs()]
    rows += [existing.get(r["file"], r) for r in holdout3_runs()]
    rows += [existing.get(r["file"], r) for r in holdout4_runs()]
    rows += [existing.get(r["file"], r) for r in holdout5_runs()]
    rows += [existing.get(r["file"], r) for r in holdout6_runs()]
    rows += [existing.get(r["file"], r) for r in holdout7_runs()]
    with open(SPLIT, "w") as f:
        f.write("\t".join(FIELDS) + "\n")
        for r in sorted(rows, key=lambda r: r["file"]):
            f.write("\t".join(str(r[k]) for k in FIELDS) + "\n")
    counts = {}
    for r in rows:
        key = (r["half"], r["label"])
        counts[key] = counts.get(key, 0) + 1
    for key in sorted(counts):
        print(*key, counts[key])


if __name__ == "__main__":
    main()
