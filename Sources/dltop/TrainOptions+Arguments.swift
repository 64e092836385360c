/// The flags that make a run what it is, as they are recorded in `resume.bin` and compared when
/// the run is resumed.
extension TrainOptions {
  /// Every flag that shapes the run's data, model or training, with its value: nil for an option
  /// not given or a switch that is off, "" for a switch that is on. The display flags (`--headless`,
  /// `--json`, `--theme`, `--threads`, snapshots) and the run folder are not part of a run.
  var runFlags: [(flag: String, value: String?)] {
    [
      ("--data", data), ("--label-column", labelColumn),
      ("--skip-bad-rows", skipBadRows ? "" : nil), ("--shape", shape), ("--positive", positive),
      ("--model", model), ("--activation", activation), ("--init", `init`),
      ("--optimizer", optimizer), ("--lr", "\(lr)"), ("--schedule", schedule), ("--batch", batch),
      ("--epochs", "\(epochs)"), ("--split", split), ("--normalize", normalize),
      ("--augment", augment), ("--l2", "\(l2)"), ("--dropout", "\(dropout)"),
      ("--batchnorm", batchnorm ? "" : nil), ("--seed", "\(seed)"),
      ("--early-stop", earlyStop), ("--no-early-stop", noEarlyStop ? "" : nil),
    ]
  }

  /// The flags a resumed run may change: its length and its early-stopping policy.
  static let flagsChangeableOnResume: Set<String> = ["--epochs", "--early-stop", "--no-early-stop"]

  /// `runFlags` as `dltop train` arguments (`--lr=0.001`, `--batchnorm`).
  var recordedArguments: [String] {
    runFlags.compactMap { flag, value in
      guard let value else { return nil }
      return value.isEmpty ? flag : "\(flag)=\(value)"
    }
  }
}
