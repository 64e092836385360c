import Foundation

/// Maps the metric names of external logs onto `MetricName`'s canonical vocabulary.
///
/// Every reader (Keras CSV, JSON lines, dltop's run log, Lightning, TensorBoard) calls
/// `canonicalName(_:context:)`, so `acc`, `train_acc` and TensorBoard's `epoch_accuracy` under a
/// `train` run all become `accuracy`, and `val_acc`, `valid_acc` or `epoch_accuracy` under a
/// `validation` run become `val_accuracy`. Names it does not know keep their spelling, so custom
/// scalars (`grad_norm/dense1`, `dead_relu`) pass through unchanged.
package enum MetricNameMapping {
  /// Which split a scalar belongs to, when the log says so outside the name (TensorBoard's
  /// `train`/`validation` run folders).
  package enum Context: Sendable, Equatable {
    case train
    case validation
  }

  /// The canonical name of `raw`.
  ///
  /// - `loss`, `train_loss`, `training_loss`, `train/loss`, `loss/train`, `epoch_loss` → `loss`
  /// - `val_loss`, `valid_loss`, `validation_loss`, `eval_loss`, `val/loss`, `loss/val` → `val_loss`
  /// - `acc`, `accuracy`, `train_acc`, `categorical_accuracy`, `sparse_categorical_accuracy`,
  ///   `epoch_accuracy` → `accuracy` (and the validation spellings → `val_accuracy`)
  /// - `lr`, `learning_rate`, `learning-rate`, `lr-Adam`, `lr-SGD`, `lr-Adam/pg1` → `lr` (but not
  ///   Lightning's `lr-Adam-momentum`, which keeps its name)
  /// - Lightning's `_epoch`/`_step` suffixes are dropped (`train_loss_epoch` → `loss`); whether a
  ///   row is per epoch or per step is the reader's decision.
  /// - With `context == .validation`, an unprefixed known name gets the `val_` prefix.
  /// - Anything else is returned unchanged (with `val_` prepended under `.validation`).
  package static func canonicalName(_ raw: String, context: Context? = nil) -> String {
    let trimmed = raw.trimmingCharacters(in: .whitespaces)
    var name = trimmed.lowercased()
    var split = context

    if isLearningRate(name) { return MetricName.learningRate.rawValue }

    for (prefix, found) in splitPrefixes where name.hasPrefix(prefix) && name.count > prefix.count {
      name = String(name.dropFirst(prefix.count))
      split = found
      break
    }
    for (suffix, found) in splitSuffixes where name.hasSuffix(suffix) && name.count > suffix.count {
      name = String(name.dropLast(suffix.count))
      split = found
      break
    }
    if name.hasPrefix("epoch_") && name.count > 6 { name = String(name.dropFirst(6)) }
    for suffix in ["_epoch", "_step"] where name.hasSuffix(suffix) && name.count > suffix.count {
      name = String(name.dropLast(suffix.count))
      break
    }
    if isLearningRate(name) { return MetricName.learningRate.rawValue }

    let base: String?
    switch name {
    case "loss": base = MetricName.loss.rawValue
    case "acc", "accuracy", "categorical_accuracy", "sparse_categorical_accuracy",
      "binary_accuracy":
      base = MetricName.accuracy.rawValue
    default: base = nil
    }
    guard let base else {
      if context == .validation && !trimmed.lowercased().hasPrefix("val") {
        return "val_" + trimmed
      }
      return trimmed
    }
    return split == .validation ? "val_" + base : base
  }

  /// Whether `name` is one of the spellings of the learning rate (`lr`, `learning_rate`, `lr-Adam`…).
  private static func isLearningRate(_ name: String) -> Bool {
    if name.contains("momentum") || name.contains("beta") { return false }
    return name == "lr" || name == "learning_rate" || name == "learning-rate"
      || name == "learningrate"
      || name.hasPrefix("lr-") || name.hasPrefix("lr/") || name.hasPrefix("lr_")
      || name.hasSuffix("/lr") || name.hasSuffix("/learning_rate")
  }

  private static let splitPrefixes: [(String, Context)] = [
    ("validation_", .validation), ("validation/", .validation), ("valid_", .validation),
    ("valid/", .validation), ("val_", .validation), ("val/", .validation), ("val-", .validation),
    ("eval_", .validation), ("eval/", .validation),
    ("training_", .train), ("training/", .train), ("train_", .train), ("train/", .train),
    ("train-", .train),
  ]

  private static let splitSuffixes: [(String, Context)] = [
    ("/validation", .validation), ("/valid", .validation), ("/val", .validation),
    ("/training", .train), ("/train", .train),
  ]
}
