"""Data sets, the labelling protocol's acceptance checks, the manifest and the command line and
recipe loop shared by the corpus generators (dltop_runs.py, torch_runs.py, keras_runs.py) and the
older keras-runs/make_runs.py (its spirals and blobs). See PROTOCOL.md.

Every data set is real or generated with a fixed seed; nothing here reads a diagnoser's output.
"""
import csv
import gzip
import json
import math
import os

import numpy as np

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUT = os.path.join(ROOT, "Tests", "DLTopMonitorTests", "Fixtures", "field-corpus")
SAMPLES = os.path.join(ROOT, "sample-data")
FASHION = "/usr/share/datasets/fashion-mnist"


# ---------------------------------------------------------------------------------------------
# Data sets: (x float32 [n, d], y int [n], classes)

def spirals(n_per_class, classes, seed, noise=0.2):
    rng = np.random.default_rng(seed)
    xs, ys = [], []
    for c in range(classes):
        r = np.linspace(0.05, 1, n_per_class)
        t = np.linspace(c * 4, (c + 1) * 4, n_per_class) + rng.normal(0, noise, n_per_class)
        xs.append(np.c_[r * np.sin(t), r * np.cos(t)])
        ys.append(np.full(n_per_class, c))
    x, y = np.concatenate(xs).astype("float32"), np.concatenate(ys)
    order = rng.permutation(len(y))
    return x[order], y[order], classes


def blobs(n, classes, dims, spread, seed):
    rng = np.random.default_rng(seed)
    centers = rng.normal(0, 1, (classes, dims))
    y = rng.integers(0, classes, n)
    x = (centers[y] + rng.normal(0, spread, (n, dims))).astype("float32")
    return x, y, classes


def sample_csv(name):
    """One of sample-data/*.csv: numeric features, the label in the last column; standardized."""
    with open(os.path.join(SAMPLES, f"{name}.csv")) as f:
        rows = list(csv.reader(f))[1:]
    labels = sorted({r[-1] for r in rows})
    x = np.array([[float(v) for v in r[:-1]] for r in rows], dtype="float32")
    y = np.array([labels.index(r[-1]) for r in rows])
    x = standardized(x)
    rng = np.random.default_rng(7)
    order = rng.permutation(len(y))
    return x[order], y[order], len(labels)


def fashion_images(part="train"):
    """Every Fashion-MNIST image (uint8, [n, 784]) and label of `part` (train or t10k; Debian's
    dataset-fashion-mnist)."""
    with gzip.open(os.path.join(FASHION, f"{part}-images-idx3-ubyte.gz")) as f:
        images = np.frombuffer(f.read(), np.uint8, offset=16).reshape(-1, 784)
    with gzip.open(os.path.join(FASHION, f"{part}-labels-idx1-ubyte.gz")) as f:
        labels = np.frombuffer(f.read(), np.uint8, offset=8)
    return images, labels


def fashion(n, seed, part="train"):
    """n Fashion-MNIST images of `part` (train or t10k), pixels scaled to 0…1."""
    images, labels = fashion_images(part)
    rng = np.random.default_rng(seed)
    pick = rng.choice(len(labels), n, replace=False)
    return (images[pick] / 255.0).astype("float32"), labels[pick].astype(int), 10


def standardized(x):
    """x with every column at mean 0 and standard deviation 1, as float32."""
    return ((x - x.mean(0)) / (x.std(0) + 1e-6)).astype("float32")


def sklearn_set(name, n, seed):
    """Two-moons, two circles, or 4 classes in 20 dimensions (8 informative) from scikit-learn's
    generators, with a fixed seed (the held-out set's new data sets)."""
    from sklearn import datasets
    if name == "moons":
        x, y = datasets.make_moons(n, noise=0.25, random_state=seed)
        k = 2
    elif name == "circles":
        x, y = datasets.make_circles(n, noise=0.1, factor=0.5, random_state=seed)
        k = 2
    else:
        x, y = datasets.make_classification(n, n_features=20, n_informative=8, n_redundant=4, n_classes=4,
                                            n_clusters_per_class=2, class_sep=1.0, random_state=seed)
        k = 4
    return standardized(x), y.astype(int), k


def noisy_labels(y, classes, fraction, seed):
    """y with about `fraction` of its labels replaced by random ones."""
    rng = np.random.default_rng(seed)
    y = y.copy()
    flip = rng.random(len(y)) < fraction
    y[flip] = rng.integers(0, classes, flip.sum())
    return y


def random_labels(y, classes, seed):
    return np.random.default_rng(seed).integers(0, classes, len(y))


def split(x, y, train, val):
    """The first `train` rows for training, the next `val` for validation."""
    return x[:train], y[:train], x[train:train + val], y[train:train + val]


# ---------------------------------------------------------------------------------------------
# The protocol's acceptance checks (PROTOCOL.md, "Acceptance"): they read the true curves with
# SPEC.md's definitions and only decide whether a run is KEPT under its recipe's label.

def _median(values):
    s = sorted(values)
    return s[len(s) // 2]


def acceptance(label, history, classes):
    """(kept, reason). history: list of dicts with loss, val_loss, accuracy, val_accuracy."""
    loss = [h.get("loss", float("nan")) for h in history]
    val = [h.get("val_loss", float("nan")) for h in history]
    acc = [h.get("accuracy") for h in history]
    vacc = [h.get("val_accuracy") for h in history]
    finite = all(math.isfinite(v) for v in loss + val)
    chance_loss = math.log(classes) if classes else None
    if label == "divergence":
        if not finite:
            return True, "non-finite loss"
        if chance_loss and loss[0] >= 3 * chance_loss:
            return True, f"first loss {loss[0]:.3g} ≥ 3 ln K"
        if max(loss) >= 3 * loss[0] or loss[-1] >= 2 * min(loss) and loss[-1] > loss[0]:
            return True, "loss grew"
        return False, "no blow-up"
    if not finite:
        return False, "non-finite loss in a run not made to diverge"
    n = len(history)
    best = min(range(n), key=lambda i: val[i])
    end_val = _median(val[-3:])
    if label == "healthy":
        if end_val > 1.08 * val[best]:
            return False, f"val_loss ended {end_val / val[best] - 1:.0%} above its minimum"
        if vacc[-1] is not None and classes and vacc[-1] < 1 / classes + 0.3 * (1 - 1 / classes):
            return False, "val accuracy near chance"
        return True, "val_loss at its minimum"
    if label == "overfitting":
        if end_val < 1.08 * val[best]:
            gap = (acc[-1] - vacc[-1]) if acc[-1] is not None and vacc[-1] is not None else 0
            if gap < 0.1:
                return False, "val_loss did not rise and no accuracy gap"
        if loss[-1] > loss[min(best, n - 1)]:
            return False, "train loss rose after the val minimum"
        return True, "val_loss rose from its minimum while train loss fell"
    if label == "underfitting":
        if acc[-1] is None:
            return False, "no accuracy"
        terr, verr = 1 - _median(acc[-3:]), 1 - _median(vacc[-3:])
        if terr < 0.1:
            return False, f"train error {terr:.0%} < 10%"
        if verr - terr > max(0.05, 0.3 * terr):
            return False, "large gap"
        return True, f"train error {terr:.0%}, val error {verr:.0%}"
    if label == "oscillation":
        half = val[n // 2:]
        steps = [abs(b - a) for a, b in zip(half, half[1:])]
        level = sum(half) / len(half)
        if level <= 0:
            return False, "val_loss at zero"
        if sum(steps) / len(steps) < 0.1 * level:
            return False, "val_loss swings < 10% of its level"
        return True, f"val_loss swings {sum(steps) / len(steps) / level:.0%} of its level"
    if label == "plateau":
        if chance_loss and min(loss) >= 0.8 * chance_loss:
            return True, "loss at the chance level"
        if loss[-1] >= 0.6 * loss[0]:
            return True, f"loss fell only {1 - loss[-1] / loss[0]:.0%}"
        return False, "loss fell a lot"
    raise ValueError(label)


# ---------------------------------------------------------------------------------------------
# Manifest

FIELDS = ["file", "label", "framework", "family", "classes", "dataset", "optimizer", "lr",
          "schedule", "batch", "epochs", "init", "kept", "reason"]


def write_manifest(folder, rows, suffix=""):
    """Writes folder/runs<suffix>.tsv (every run made, kept or not)."""
    path = os.path.join(folder, f"runs{suffix}.tsv")
    with open(path, "w") as f:
        f.write("\t".join(FIELDS) + "\n")
        for r in rows:
            f.write("\t".join(str(r.get(k, "")) for k in FIELDS) + "\n")
    print(f"{path}: {sum(1 for r in rows if int(r['kept']))} kept of {len(rows)}")


def read_manifest(folder, suffix=""):
    """The rows of folder/runs<suffix>.tsv written so far, by file (a generator that was
    interrupted resumes after the runs it finished)."""
    path = os.path.join(folder, f"runs{suffix}.tsv")
    if not os.path.exists(path):
        return {}
    with open(path) as f:
        return {row["file"]: row for row in csv.DictReader(f, delimiter="\t")}


# ---------------------------------------------------------------------------------------------
# The generators' shared command line and recipe loop

HOLDOUT_OUT = os.path.join(OUT, "holdout-2")
TUNING2_OUT = os.path.join(OUT, "tuning-2")
HOLDOUT3_OUT = os.path.join(OUT, "holdout-3")
# The second tuning pool's seeds (`--tuning2`): no other run uses them.
TUNING2_SEEDS = {"dltop": 51, "torch": 15, "keras": 33}
# The third held-out set's seeds (`--holdout3`): no other run uses them.
HOLDOUT3_SEEDS = {"dltop": 61, "torch": 17, "keras": 39}
HOLDOUT4_OUT = os.path.join(OUT, "holdout-4")
# The fourth held-out set's seeds (`--holdout4`): no other run uses them.
HOLDOUT4_SEEDS = {"dltop": 71, "torch": 19, "keras": 47}
HOLDOUT5_OUT = os.path.join(OUT, "holdout-5")
# The fifth held-out set's seeds (`--holdout5`): no other run uses them.
HOLDOUT5_SEEDS = {"dltop": 81, "torch": 21, "keras": 53}
HOLDOUT6_OUT = os.path.join(OUT, "holdout-6")
# The sixth held-out set's seeds (`--holdout6`): no other run of the same framework uses them (23 is
# also the seed of Keras's first set, keras_runs.SEED, whose files carry no suffix: different
# framework, recipes and file names).
HOLDOUT6_SEEDS = {"dltop": 91, "torch": 23, "keras": 59}
HOLDOUT7_OUT = os.path.join(OUT, "holdout-7")
# The seventh held-out set's seeds (`--holdout7`): new across all three frameworks — no run of any
# framework used 101, 27 or 67 before (the seeds used so far: 11, 12, 13, 15, 17, 19, 21, 23, 29,
# 31, 32, 33, 39, 41, 47, 51, 53, 59, 61, 71, 81, 91).
HOLDOUT7_SEEDS = {"dltop": 101, "torch": 27, "keras": 67}


class Arguments:
    """What every generator takes after its own positional arguments:
    `[--seed N] [--holdout | --tuning2 | --holdout3 | --holdout4 | --holdout5 | --holdout6 | --holdout7] [PREFIX...]`.

    --seed N   trains with seed N and names files <label>-<name>-s<N> (runs-s<N>.tsv): a second
               sample of every recipe
    --holdout  trains the held-out set's recipes (recipes.HOLDOUT) with the generator's held-out
               seed into field-corpus/holdout-2/<framework>/ (files and manifest named -s<seed>)
    --tuning2  trains the second tuning pool's recipes (recipes.TUNING2) with the framework's seed
               of TUNING2_SEEDS into field-corpus/tuning-2/<framework>/ (named -s<seed>)
    --holdout3 trains the third held-out set's recipes (recipes.HOLDOUT3) with the framework's seed
               of HOLDOUT3_SEEDS into field-corpus/holdout-3/<framework>/ (named -s<seed>)
    --holdout4 trains the fourth held-out set's recipes (recipes.HOLDOUT4) with the framework's seed
               of HOLDOUT4_SEEDS into field-corpus/holdout-4/<framework>/ (named -s<seed>)
    --holdout5 trains the fifth held-out set's recipes (recipes.HOLDOUT5) with the framework's seed
               of HOLDOUT5_SEEDS into field-corpus/holdout-5/<framework>/ (named -s<seed>)
    --holdout6 trains the sixth held-out set's recipes (recipes.HOLDOUT6) with the framework's seed
               of HOLDOUT6_SEEDS into field-corpus/holdout-6/<framework>/ (named -s<seed>)
    --holdout7 trains the seventh held-out set's recipes (recipes.HOLDOUT7) with the framework's seed
               of HOLDOUT7_SEEDS into field-corpus/holdout-7/<framework>/ (named -s<seed>)
    PREFIX     only the recipes whose names start with one of these (no manifest is written)
    """

    def __init__(self, argv, seed, holdout_seed, tuning2_seed=None, holdout3_seed=None, holdout4_seed=None,
                 holdout5_seed=None, holdout6_seed=None, holdout7_seed=None):
        argv = list(argv)
        self.holdout7 = "--holdout7" in argv
        if self.holdout7:
            argv.remove("--holdout7")
        self.holdout6 = "--holdout6" in argv
        if self.holdout6:
            argv.remove("--holdout6")
        self.holdout5 = "--holdout5" in argv
        if self.holdout5:
            argv.remove("--holdout5")
        self.holdout4 = "--holdout4" in argv
        if self.holdout4:
            argv.remove("--holdout4")
        self.holdout3 = "--holdout3" in argv
        if self.holdout3:
            argv.remove("--holdout3")
        self.holdout = "--holdout" in argv
        if self.holdout:
            argv.remove("--holdout")
        self.tuning2 = "--tuning2" in argv
        if self.tuning2:
            argv.remove("--tuning2")
        self.seed, self.suffix = (holdout_seed, f"-s{holdout_seed}") if self.holdout else (seed, "")
        if self.tuning2:
            self.seed, self.suffix = tuning2_seed, f"-s{tuning2_seed}"
        if self.holdout3:
            self.seed, self.suffix = holdout3_seed, f"-s{holdout3_seed}"
        if self.holdout4:
            self.seed, self.suffix = holdout4_seed, f"-s{holdout4_seed}"
        if self.holdout5:
            self.seed, self.suffix = holdout5_seed, f"-s{holdout5_seed}"
        if self.holdout6:
            self.seed, self.suffix = holdout6_seed, f"-s{holdout6_seed}"
        if self.holdout7:
            self.seed, self.suffix = holdout7_seed, f"-s{holdout7_seed}"
        if "--seed" in argv:
            i = argv.index("--seed")
            self.seed, self.suffix = int(argv[i + 1]), f"-s{argv[i + 1]}"
            argv = argv[:i] + argv[i + 2:]
        self.prefixes = argv


def generate(framework, extension, train, arguments, supports=lambda recipe: True):
    """Trains every recipe of the chosen list that `framework` (and `supports`) takes, keeps or
    drops each run by the protocol's acceptance and writes the manifest.

    train(recipe, seed, path) trains one run, writes its log to path and returns (history,
    classes); history is a list of dicts with loss, val_loss, accuracy, val_accuracy per epoch.
    """
    import recipes
    root = (HOLDOUT_OUT if arguments.holdout else TUNING2_OUT if arguments.tuning2
            else HOLDOUT3_OUT if arguments.holdout3 else HOLDOUT4_OUT if arguments.holdout4
            else HOLDOUT5_OUT if arguments.holdout5 else HOLDOUT6_OUT if arguments.holdout6
            else HOLDOUT7_OUT if arguments.holdout7 else OUT)
    folder = os.path.join(root, framework)
    os.makedirs(folder, exist_ok=True)
    done = read_manifest(folder, arguments.suffix)
    rows = []
    chosen = (recipes.HOLDOUT if arguments.holdout else recipes.TUNING2 if arguments.tuning2
              else recipes.HOLDOUT3 if arguments.holdout3 else recipes.HOLDOUT4 if arguments.holdout4
              else recipes.HOLDOUT5 if arguments.holdout5 else recipes.HOLDOUT6 if arguments.holdout6
              else recipes.HOLDOUT7 if arguments.holdout7 else recipes.R)
    for r in chosen:
        if framework not in r["frameworks"] or not supports(r):
            continue
        if arguments.prefixes and not any(r["name"].startswith(p) for p in arguments.prefixes):
            continue
        file = f"{r['label']}-{r['name']}{arguments.suffix}.{extension}"
        if file in done:
            rows.append(done[file])
            continue
        path = os.path.join(folder, file)
        if os.path.exists(path):
            os.remove(path)
        history, classes = train(r, arguments.seed, path)
        kept, reason = acceptance(r["label"], history, classes)
        if kept and r["label"] != "divergence" and len(history) < r["epochs"]:
            # The trainer ended the run early at a non-finite value (dltop stops on a non-finite
            # loss or gradient norm, the others as TerminateOnNaN): not finite, so not this label.
            kept, reason = False, f"stopped after {len(history)} of {r['epochs']} epochs at a non-finite value"
        if not kept and os.path.exists(path):
            os.remove(path)
        rows.append(dict(file=file, label=r["label"], framework=framework, family=r["family"], classes=classes,
                         dataset=r["data"], optimizer=r["opt"], lr=r["lr"], schedule=r["schedule"], batch=r["batch"],
                         epochs=len(history), init=r["init"], kept=int(kept), reason=reason))
        print(("kept   " if kept else "DROPPED"), file, reason, flush=True)
        if not arguments.prefixes:
            write_manifest(folder, rows, arguments.suffix)
    if not arguments.prefixes:
        # Also the runs after the last one trained (a resumed generator lists them all again).
        write_manifest(folder, rows, arguments.suffix)


def write_json_lines(path, header, history):
    with open(path, "w") as f:
        f.write(json.dumps(header) + "\n")
        for i, h in enumerate(history):
            f.write(json.dumps({"epoch": i + 1, **h}) + "\n")


# A data set name -> (source(seed) giving (x, y, classes), labels, training rows, validation rows):
# the first `train` rows of the source train, the next `val` validate. labels: None keeps the
# source's labels, a fraction replaces about that share at random (noisy_labels), RANDOM replaces
# them all (random_labels). Sets split by proportion, and the first corpus's two sets with their own
# label noise, are in dataset() itself.
RANDOM = "random"
DATASETS = {
    "spiral": (lambda seed: spirals(300, 3, seed), None, 600, 300),
    "random-spiral": (lambda seed: spirals(200, 3, seed), RANDOM, 400, 200),
    "blobs5": (lambda seed: blobs(2400, 5, 10, 0.45, seed), None, 1600, 800),
    "blobs10": (lambda seed: blobs(2400, 10, 10, 0.6, seed), None, 1600, 800),
    "random-blobs": (lambda seed: blobs(600, 5, 20, 1.0, seed), RANDOM, 200, 400),
    "digits-small": (lambda seed: sample_csv("digits"), None, 100, 800),
    "wine-small": (lambda seed: sample_csv("wine"), None, 30, 148),
    "breast-small": (lambda seed: sample_csv("breast-cancer"), None, 40, 500),
    "fashion": (lambda seed: fashion(3000, seed), None, 2000, 1000),
    "fashion-small": (lambda seed: fashion(1300, seed), None, 300, 1000),
    # The held-out set's data sets (recipes.HOLDOUT)
    "moons-small": (lambda seed: sklearn_set("moons", 1060, seed), 0.15, 60, 1000),
    "classif4-small": (lambda seed: sklearn_set("classif4", 1120, seed), 0.1, 120, 1000),
    "random-classif4": (lambda seed: sklearn_set("classif4", 600, seed), RANDOM, 200, 400),
    "spiral5": (lambda seed: spirals(300, 5, seed), None, 1000, 500),
    "random-spiral5": (lambda seed: spirals(150, 5, seed), RANDOM, 500, 250),
    "iris-small": (lambda seed: sample_csv("iris"), None, 24, 126),
    "fashion-test": (lambda seed: fashion(3000, seed, "t10k"), None, 2000, 1000),
    "fashion-test-small": (lambda seed: fashion(1250, seed, "t10k"), None, 250, 1000),
    # The third held-out set's data sets (recipes.HOLDOUT3)
    "classif6": (lambda seed: classif6(2400, seed), None, 1600, 800),
    "classif6-small": (lambda seed: classif6(1120, seed), 0.1, 120, 1000),
    "random-classif6": (lambda seed: classif6(600, seed), RANDOM, 300, 300),
    "blobs8": (lambda seed: blobs(2400, 8, 6, 0.5, seed), None, 1600, 800),
    "blobs8-small": (lambda seed: blobs(1100, 8, 30, 1.0, seed), 0.15, 100, 1000),
    # The fourth held-out set's data sets (recipes.HOLDOUT4)
    "classif3": (lambda seed: classif3(1800, seed), None, 1200, 600),
    "classif3-small": (lambda seed: classif3(1100, seed), 0.1, 100, 1000),
    "random-classif3": (lambda seed: classif3(600, seed), RANDOM, 300, 300),
    "blobs6": (lambda seed: blobs(2400, 6, 8, 0.55, seed), None, 1600, 800),
    "blobs6-small": (lambda seed: blobs(1100, 6, 30, 1.0, seed), 0.15, 100, 1000),
    "random-blobs6": (lambda seed: blobs(600, 6, 20, 1.0, seed), RANDOM, 200, 400),
    # The fifth held-out set's data sets (recipes.HOLDOUT5)
    "classif5": (lambda seed: classif5(1800, seed), None, 1200, 600),
    "classif5-small": (lambda seed: classif5(1100, seed), 0.1, 100, 1000),
    "random-classif5": (lambda seed: classif5(600, seed), RANDOM, 300, 300),
    "blobs4": (lambda seed: blobs4(2000, seed), None, 1200, 800),
    "blobs4-small": (lambda seed: blobs4(1080, seed), 0.2, 80, 1000),
    "quantiles3": (lambda seed: quantiles3(1800, seed), None, 1200, 600),
    "quantiles3-small": (lambda seed: quantiles3(1100, seed), 0.1, 100, 1000),
    # The sixth held-out set's data sets (recipes.HOLDOUT6)
    "classif4x8": (lambda seed: classif4x8(1800, seed), None, 1200, 600),
    "classif4x8-small": (lambda seed: classif4x8(1100, seed), 0.15, 100, 1000),
    "random-classif4x8": (lambda seed: classif4x8(600, seed), RANDOM, 300, 300),
    "classif4x8-val100": (lambda seed: classif4x8(1300, seed), None, 1200, 100),
    "blobs7": (lambda seed: blobs7(2000, seed), None, 1200, 800),
    "blobs7-small": (lambda seed: blobs7(1090, seed), 0.2, 90, 1000),
    "random-blobs7": (lambda seed: blobs7(600, seed), RANDOM, 300, 300),
    "blobs7-val100": (lambda seed: blobs7(1300, seed), None, 1200, 100),
    "moons-noisy": (lambda seed: moons_noisy(1600, seed), None, 1000, 600),
    # The seventh held-out set's data sets (recipes.HOLDOUT7)
    "classif3x20": (lambda seed: classif3x20(1800, seed), None, 1200, 600),
    "classif3x20-small": (lambda seed: classif3x20(1100, seed), 0.1, 100, 1000),
    "random-classif3x20": (lambda seed: classif3x20(600, seed), RANDOM, 300, 300),
    "classif3x20-val100": (lambda seed: classif3x20(1300, seed), None, 1200, 100),
    "hastie": (lambda seed: hastie(2400, seed), None, 1600, 800),
    "hastie-small": (lambda seed: hastie(1080, seed), 0.1, 80, 1000),
    "hastie-val100": (lambda seed: hastie(1300, seed), None, 1200, 100),
    "fashion-tops": (lambda seed: fashion_tops(3000, seed), None, 2000, 1000),
    "fashion-tops-small": (lambda seed: fashion_tops(1300, seed), None, 300, 1000),
}


def dataset(name, seed):
    """(x_train, y_train, x_val, y_val, classes) for a recipe's data set name (DATASETS, and the
    exceptions below)."""
    # The first corpus's memorizing sets: few rows, with their own label noise (two generators)
    if name == "spiral-small":
        x, y, k = spirals(150, 3, seed, noise=0.35)
        y = np.where(np.random.default_rng(seed).random(len(y)) < 0.2, np.random.default_rng(seed + 1).integers(0, 3, len(y)), y)
        return split(x, y, 90, 300) + (k,)
    if name == "blobs-small":
        x, y, k = blobs(1150, 5, 40, 1.0, seed)
        y = np.where(np.random.default_rng(seed).random(len(y)) < 0.15, np.random.default_rng(seed + 1).integers(0, 5, len(y)), y)
        return split(x, y, 150, 1000) + (k,)
    # Split by proportion: the sample-data sets 70/30, the held-out set's (recipes.HOLDOUT) 2/3 to 1/3
    if name in ("digits", "wine", "iris", "breast-cancer"):
        x, y, k = sample_csv(name)
        n = len(y)
        return split(x, y, int(n * 0.7), n - int(n * 0.7)) + (k,)
    if name in ("moons", "circles", "classif4"):
        x, y, k = sklearn_set(name, 1200 if name != "classif4" else 2400, seed)
        n = len(y)
        return split(x, y, n * 2 // 3, n - n * 2 // 3) + (k,)
    if name not in DATASETS:
        raise ValueError(name)
    source, labels, train, val = DATASETS[name]
    x, y, k = source(seed)
    if labels == RANDOM:
        y = random_labels(y, k, seed)
    elif labels is not None:
        y = noisy_labels(y, k, labels, seed)
    return split(x, y, train, val) + (k,)


def classif6(n, seed):
    """6 classes in 16 dimensions (10 informative) from scikit-learn's make_classification, with a
    fixed seed (the third held-out set's new data set), standardized."""
    from sklearn import datasets
    x, y = datasets.make_classification(n, n_features=16, n_informative=10, n_redundant=3, n_classes=6,
                                        n_clusters_per_class=1, class_sep=1.2, random_state=seed)
    return standardized(x), y.astype(int), 6


def classif3(n, seed):
    """3 classes in 12 dimensions (6 informative) from scikit-learn's make_classification, with a
    fixed seed (the fourth held-out set's new data set), standardized."""
    from sklearn import datasets
    x, y = datasets.make_classification(n, n_features=12, n_informative=6, n_redundant=2, n_classes=3,
                                        n_clusters_per_class=2, class_sep=1.0, random_state=seed)
    return standardized(x), y.astype(int), 3


def classif5(n, seed):
    """5 classes in 10 dimensions (6 informative) from scikit-learn's make_classification, with a
    fixed seed (the fifth held-out set's new data set), standardized."""
    from sklearn import datasets
    x, y = datasets.make_classification(n, n_features=10, n_informative=6, n_redundant=2, n_classes=5,
                                        n_clusters_per_class=1, class_sep=1.0, random_state=seed)
    return standardized(x), y.astype(int), 5


def blobs4(n, seed):
    """4 blobs in 3 dimensions from scikit-learn's make_blobs (centers in ±10, σ 2.5), with a fixed
    seed (the fifth held-out set's new data set), standardized."""
    from sklearn import datasets
    x, y = datasets.make_blobs(n, n_features=3, centers=4, cluster_std=2.5, random_state=seed)
    return standardized(x), y.astype(int), 4


def quantiles3(n, seed):
    """3 classes in 4 dimensions from scikit-learn's make_gaussian_quantiles (nested shells of one
    Gaussian: not linearly separable), with a fixed seed (the fifth held-out set's new data set),
    standardized."""
    from sklearn import datasets
    x, y = datasets.make_gaussian_quantiles(n_samples=n, n_features=4, n_classes=3, random_state=seed)
    return standardized(x), y.astype(int), 3


def classif4x8(n, seed):
    """4 classes in 8 dimensions (5 informative) from scikit-learn's make_classification with the
    classes close together (class_sep 0.6), with a fixed seed (the sixth held-out set's new data
    set), standardized."""
    from sklearn import datasets
    x, y = datasets.make_classification(n, n_features=8, n_informative=5, n_redundant=1, n_classes=4,
                                        n_clusters_per_class=1, class_sep=0.6, random_state=seed)
    return standardized(x), y.astype(int), 4


def blobs7(n, seed):
    """7 blobs in 5 dimensions from scikit-learn's make_blobs (centers in ±10, σ 3), with a fixed
    seed (the sixth held-out set's new data set), standardized."""
    from sklearn import datasets
    x, y = datasets.make_blobs(n, n_features=5, centers=7, cluster_std=3.0, random_state=seed)
    return standardized(x), y.astype(int), 7


def moons_noisy(n, seed):
    """Two moons with noise 0.35 (the held-out set's moons use 0.25) from scikit-learn's make_moons,
    with a fixed seed (the sixth held-out set's new data set), standardized."""
    from sklearn import datasets
    x, y = datasets.make_moons(n, noise=0.35, random_state=seed)
    return standardized(x), y.astype(int), 2


def classif3x20(n, seed):
    """3 classes in 20 dimensions (6 informative) from scikit-learn's make_classification, class_sep
    1.0, 2% of the labels flipped, with a fixed seed (the seventh held-out set's new data set),
    standardized."""
    from sklearn import datasets
    x, y = datasets.make_classification(n, n_features=20, n_informative=6, n_redundant=2, n_classes=3,
                                        n_clusters_per_class=1, class_sep=1.0, flip_y=0.02, random_state=seed)
    return standardized(x), y.astype(int), 3


def hastie(n, seed):
    """scikit-learn's make_hastie_10_2 (10 Gaussian dimensions, class 1 where the sum of squares
    exceeds 9.34: a sphere no linear model separates), with a fixed seed (the seventh held-out set's
    new data set), standardized, labels 0/1."""
    from sklearn import datasets
    x, y = datasets.make_hastie_10_2(n, random_state=seed)
    return standardized(x), (y > 0).astype(int), 2


# Fashion-MNIST's four upper-body classes (T-shirt/top, Pullover, Coat, Shirt), relabelled 0–3.
FASHION_TOPS = (0, 2, 4, 6)


def fashion_tops(n, seed, part="train"):
    """n Fashion-MNIST images of its four upper-body classes, relabelled 0–3 (hard to tell apart;
    the seventh held-out set's new data set), pixels scaled to 0…1."""
    images, labels = fashion_images(part)
    rows = np.flatnonzero(np.isin(labels, FASHION_TOPS))
    pick = np.random.default_rng(seed).choice(rows, n, replace=False)
    y = np.searchsorted(FASHION_TOPS, labels[pick])
    return (images[pick] / 255.0).astype("float32"), y.astype(int), len(FASHION_TOPS)
