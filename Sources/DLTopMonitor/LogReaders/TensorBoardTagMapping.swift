/// How a TensorBoard scalar tag becomes a dltop metric, and whether it is per epoch or per step.
///
/// | tag (run folder)                              | level | name        |
/// |-----------------------------------------------|-------|-------------|
/// | `epoch_loss` (`train/`)                       | epoch | `loss`      |
/// | `epoch_loss` (`validation/`)                  | epoch | `val_loss`  |
/// | `epoch_accuracy` (`train/` / `validation/`)   | epoch | `accuracy` / `val_accuracy` |
/// | `epoch_learning_rate`                         | epoch | `lr`        |
/// | `batch_loss`, `batch_accuracy` (Keras, `update_freq=N`) | step | `loss`, `accuracy` |
/// | `*_vs_iterations` (Keras evaluation)          | step  | as mapped   |
/// | `train_loss_step`, `loss/step` (Lightning)    | step  | `loss`      |
/// | `train/loss`, `Loss/train`, `loss`, `train_loss` | epoch | `loss`   |
/// | `val/loss`, `Loss/val`, `val_loss`, `Loss/validation` | epoch | `val_loss` |
/// | `Accuracy/train`, `val_acc`, `lr`, `lr-Adam`  | epoch | `accuracy`, `val_accuracy`, `lr` |
/// | `epoch` (Lightning's TensorBoardLogger)       | the epoch of the scalars at that step |
///
/// Names go through `MetricNameMapping.canonicalName(_:context:)`, with the run folder's split as
/// context. A tag with no epoch or batch marker is an epoch-level scalar whose step is taken as the
/// epoch (tensorboardX scripts usually log once per epoch), unless the file also logs an `epoch`
/// scalar at that step, which then gives the epoch.
package enum TensorBoardTagMapping {
  /// Whether a scalar describes an epoch or one training step.
  package enum Level: Sendable, Equatable {
    case epoch
    case step
    /// The `epoch` counter itself.
    case epochCounter
    /// A tag of another plugin (histograms, text, hparams): never read as a scalar.
    case ignored
  }

  /// A tag's canonical name and level.
  package struct Mapped: Sendable, Equatable {
    package var name: String
    package var level: Level
  }

  /// The split a run folder stands for: `train`/`training` or `validation`/`val`/`valid`/`eval`.
  package static func context(ofFolder name: String) -> MetricNameMapping.Context? {
    switch name.lowercased() {
    case "train", "training": .train
    case "validation", "val", "valid", "eval", "evaluation", "test": .validation
    default: nil
    }
  }

  /// Maps `tag` written in a run folder of split `context`.
  package static func map(tag: String, context: MetricNameMapping.Context?) -> Mapped {
    let lower = tag.lowercased()
    if lower == "epoch" { return Mapped(name: "epoch", level: .epochCounter) }
    if lower.hasPrefix("batch_") && lower.count > 6 {
      return Mapped(
        name: MetricNameMapping.canonicalName(String(tag.dropFirst(6)), context: context),
        level: .step)
    }
    if lower.hasSuffix("_vs_iterations") || lower.hasSuffix("_step") || lower.hasSuffix("/step") {
      let bare = lower.hasSuffix("/step") ? String(tag.dropLast(5)) : tag
      return Mapped(name: MetricNameMapping.canonicalName(bare, context: context), level: .step)
    }
    return Mapped(name: MetricNameMapping.canonicalName(tag, context: context), level: .epoch)
  }

  /// Whether `name` is one of dltop's canonical metric names (anything else is listed as unmapped).
  package static func isCanonical(_ name: String) -> Bool {
    switch name {
    case MetricName.loss.rawValue, MetricName.accuracy.rawValue, MetricName.validationLoss.rawValue,
      MetricName.validationAccuracy.rawValue,
      MetricName.learningRate.rawValue:
      true
    default: false
    }
  }
}
