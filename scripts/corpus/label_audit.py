"""Which kept runs' curves would also pass another label's acceptance check (PROTOCOL.md section 2).

Run: python3 scripts/corpus/label_audit.py [HALF...]

The protocol labels a run by how it was made (section 1) and keeps or drops it by its own label's
check (section 2). The bands of section 1 touch: an η "in the oscillation band, below the
blow-up" can still blow a network up for one seed. This audit reads only the runs' curves and
`common.acceptance` — never the diagnoser — and counts, per half and label, the runs whose curves
also pass the divergence check (a non-finite loss, a first loss ≥ 3 ln K, or a loss that grew)
and, for the other labels, the oscillation check. It changes no label and drops no run: it says
how much of each label is ambiguous by outcome, so that a diagnoser's misses can be read against it.
"""

import collections
import csv
import json
import math
import os
import sys

import common

FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../Tests/DLTopMonitorTests/Fixtures")


def history(path):
    """The run's epochs as dicts of loss, val_loss, accuracy, val_accuracy (CSV or JSON lines)."""
    rows = []
    if path.endswith(".csv"):
        with open(path) as file:
            for row in csv.DictReader(file):
                rows.append({k: float(v) for k, v in row.items() if v not in ("", None)})
        return rows
    with open(path) as file:
        for line in file:
            record = json.loads(line)
            if record.get("type") == "epoch" or ("epoch" in record and "loss" in record and "type" not in record):
                metrics = record.get("metrics", record)
                rows.append({k: metrics[k] for k in ("loss", "val_loss", "accuracy", "val_accuracy")
                             if metrics.get(k) is not None})
    return rows


def main(halves):
    counts = collections.defaultdict(lambda: collections.Counter())
    with open(os.path.join(FIXTURES, "field-corpus/split.tsv")) as file:
        for run in csv.DictReader(file, delimiter="\t"):
            if halves and run["half"] not in halves:
                continue
            epochs = history(os.path.join(FIXTURES, run["file"]))
            if not epochs or any("loss" not in e or "val_loss" not in e for e in epochs):
                counts[(run["half"], run["label"])]["unreadable"] += 1
                continue
            classes = int(run["classes"]) if run["classes"] else None
            key = (run["half"], run["label"])
            counts[key]["runs"] += 1
            if run["label"] != "divergence" and common.acceptance("divergence", epochs, classes)[0]:
                counts[key]["also divergence"] += 1
            if run["label"] not in ("oscillation", "divergence") and len(epochs) >= 4 \
                    and all(math.isfinite(e["val_loss"]) for e in epochs) \
                    and common.acceptance("oscillation", epochs, classes)[0]:
                counts[key]["also oscillation"] += 1
    print("half\tlabel\truns\talso divergence\talso oscillation")
    for (half, label), counter in sorted(counts.items()):
        print(f"{half}\t{label}\t{counter['runs']}\t{counter['also divergence']}\t{counter['also oscillation']}")


if __name__ == "__main__":
    main(set(sys.argv[1:]))
