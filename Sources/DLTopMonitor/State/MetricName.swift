/// The canonical metric names every reader maps to, so diagnosis and drawing need one vocabulary.
///
/// External logs are mapped onto these (`acc` → `accuracy`, `train_loss` → `loss`, `lr-Adam` → `lr`);
/// any other scalar keeps its own name.
package enum MetricName {
  package static let loss = "loss"
  package static let accuracy = "accuracy"
  package static let validationLoss = "val_loss"
  package static let validationAccuracy = "val_accuracy"
  package static let learningRate = "lr"

  /// Whether larger values of `name` are better (Keras's `mode="auto"`): accuracy-like names are
  /// maximized, everything else minimized.
  package static func isMaximized(_ name: String) -> Bool {
    let lower = name.lowercased()
    let bare = lower.hasPrefix("val_") ? String(lower.dropFirst(4)) : lower
    return bare.hasPrefix("acc") || bare.contains("accuracy") || bare == "auc" || bare.hasSuffix("f1")
      || bare.contains("precision") || bare.contains("recall") || bare == "r2"
  }
}
