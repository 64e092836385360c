import ArgumentParser

/// Every hyper-parameter of `dltop train` as a flag (SPEC.md).
struct TrainOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "Data set: fashion-mnist, breast-cancer, iris, wine, digits, stock, spiral, a CSV file or an IDX folder.",
      discussion: "Without it: fashion-mnist when installed, otherwise digits."))
  var data: String?

  @Option(help: "Label column of a CSV file, by name or 0-based index (default: the last column).")
  var labelColumn: String?

  @Flag(
    help:
      "Skip CSV rows with a bad cell (counted, with their first line numbers, in a warning) instead of stopping."
  )
  var skipBadRows = false

  @Option(help: "Reshape CSV rows into images, e.g. 28x28x1.")
  var shape: String?

  @Option(help: "Positive class for binary tasks, by name (e.g. malignant).")
  var positive: String?

  @Option(help: "Model: linear, mlp:128, mlp:256,128, cnn.")
  var model = "mlp:128"

  @Option(help: "Hidden activation: relu, leaky-relu, sigmoid, tanh, swish.")
  var activation = "relu"

  @Option(
    help:
      "Weight initializer: he, xavier, normal:SIGMA, zeros (default: he for ReLU-like, xavier for sigmoid/tanh)."
  )
  var `init`: String?

  @Option(help: "Optimizer: sgd, momentum, adagrad, rmsprop, adam.")
  var optimizer = "adam"

  @Option(parsing: .unconditional, help: "Learning rate (η).")
  var lr: Double = 0.001

  @Option(
    help: ArgumentHelp(
      "Learning-rate schedule: constant, step:every=8,factor=0.1, exp:k=0.05, exp-staircase:rate=0.96,steps=50, inverse-time:k=0.5, cosine, warmup:steps=N,then=…, plateau:factor=0.5,patience=3."
    ))
  var schedule = "constant"

  @Option(
    parsing: .unconditional,
    help: "Batch size: a number (1 = stochastic) or 'full' (one update per epoch).")
  var batch = "128"

  @Option(
    parsing: .unconditional, help: "Maximum number of epochs (early stopping may end sooner).")
  var epochs = 20

  @Option(help: "Split ratios or counts: 80:20, 70:15:15, 60:20:20, 50000:10000.")
  var split: String?

  @Option(help: "Input normalization fitted on the training split: standard, minmax, none.")
  var normalize = "standard"

  @Option(
    help: "Image augmentation on the training split: flip,hflip,vflip,shift,rotate,brightness.")
  var augment: String?

  @Option(parsing: .unconditional, help: "L2 weight decay λ (loss += ½λΣw², gradient += λw).")
  var l2: Double = 0

  @Option(
    parsing: .unconditional,
    help: "Dropout rate after each hidden activation (0 = off; 0.3–0.5 against overfitting).")
  var dropout: Double = 0

  @Flag(help: "Batch normalization between each hidden affine layer and its activation.")
  var batchnorm = false

  @Option(help: "Seed for initialization, shuffling, dropout and augmentation.")
  var seed: UInt64 = 42

  @Option(
    name: .customLong("early-stop"),
    help:
      "Early stopping: patience=20,min-delta=0,monitor=val_loss,mode=auto,baseline=X,start-from=N,restore-best."
  )
  var earlyStop = "patience=20,restore-best"

  @Flag(name: .customLong("no-early-stop"), help: "Train every epoch; never stop early.")
  var noEarlyStop = false

  @Flag(
    help:
      "No dashboard: one line per epoch and the test metrics at the end (automatic when stdout is not a terminal)."
  )
  var headless = false

  @Flag(help: "Print exactly one JSON document on stdout at the end; progress goes to stderr.")
  var json = false

  @Option(help: "Folder for this run's log (default ./dltop-runs/<date>-<time>-<dataset>/).")
  var runDir: String?

  @Flag(help: "Write no run log.")
  var noRunLog = false

  @Flag(help: "Export a snapshot folder when the run ends.")
  var snapshotOnExit = false

  @Option(help: "Folder that receives snapshot folders (default: the run's folder).")
  var snapshotDir: String?

  @Option(help: "Dashboard theme: default, light, high-contrast, monochrome, or a theme file path.")
  var theme = "default"

  @Option(parsing: .unconditional, help: "OpenBLAS threads (default: all cores).")
  var threads: Int?
}
