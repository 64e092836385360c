/// A metric's name: the canonical names every reader maps to, as typed members, and any other
/// scalar of a foreign log, passed through under its own name.
///
/// External logs are mapped onto the members (`acc` → `accuracy`, `train_loss` → `loss`,
/// `lr-Adam` → `lr`); `EpochRecord.metrics` stores values under `rawValue`, the name written in
/// logs and JSON. Code that needs to know what a name means switches on `kind`.
package struct MetricName: Hashable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
  /// What a name means to dltop.
  package enum Kind: Hashable, Sendable {
    case loss, validationLoss, accuracy, validationAccuracy, learningRate
    /// ‖g‖ over all parameters.
    case gradientNorm
    /// ‖g‖ of one layer: `grad_norm/<layer>`.
    case layerGradientNorm(layer: String)
    /// The fraction of ReLU units that output 0 for every sample.
    case deadReLU
    /// ‖ΔW‖/‖W‖ of the last update.
    case updateRatio
    case weightNorm
    case samplesPerSecond
    /// A name dltop has no meaning for (a foreign log's own scalar).
    case foreign
  }

  /// The name as logs and JSON write it.
  package let rawValue: String
  package let kind: Kind

  package init(_ rawValue: String) {
    self.rawValue = rawValue
    kind = Self.kind(of: rawValue)
  }

  package init(stringLiteral value: String) { self.init(value) }

  package var description: String { rawValue }

  package static let loss = MetricName("loss")
  package static let accuracy = MetricName("accuracy")
  package static let validationLoss = MetricName("val_loss")
  package static let validationAccuracy = MetricName("val_accuracy")
  package static let learningRate = MetricName("lr")
  package static let gradientNorm = MetricName("grad_norm")
  package static let deadReLU = MetricName("dead_relu")
  package static let updateRatio = MetricName("update_ratio")
  package static let weightNorm = MetricName("weight_norm")
  package static let samplesPerSecond = MetricName("samples_per_s")
  /// The per-layer gradient norm `grad_norm/<layer>`.
  package static func gradientNorm(of layer: String) -> MetricName {
    MetricName(layerPrefix + layer)
  }

  private static let layerPrefix = "grad_norm/"

  private static func kind(of name: String) -> Kind {
    switch name {
    case "loss": .loss
    case "val_loss": .validationLoss
    case "accuracy": .accuracy
    case "val_accuracy": .validationAccuracy
    case "lr": .learningRate
    case "grad_norm": .gradientNorm
    case "dead_relu": .deadReLU
    case "update_ratio": .updateRatio
    case "weight_norm": .weightNorm
    case "samples_per_s": .samplesPerSecond
    default:
      name.hasPrefix(layerPrefix)
        ? .layerGradientNorm(layer: String(name.dropFirst(layerPrefix.count))) : .foreign
    }
  }

  /// Whether larger values of `name` are better (Keras's `mode="auto"`): accuracy-like names are
  /// maximized, everything else minimized.
  package static func isMaximized(_ name: String) -> Bool {
    let lower = name.lowercased()
    let bare = lower.hasPrefix("val_") ? String(lower.dropFirst(4)) : lower
    return bare.hasPrefix("acc") || bare.contains("accuracy") || bare == "auc"
      || bare.hasSuffix("f1")
      || bare.contains("precision") || bare.contains("recall") || bare == "r2"
  }

  package static func == (lhs: String, rhs: MetricName) -> Bool { lhs == rhs.rawValue }
  package static func == (lhs: MetricName, rhs: String) -> Bool { lhs.rawValue == rhs }
  package static func != (lhs: String, rhs: MetricName) -> Bool { lhs != rhs.rawValue }
  package static func != (lhs: MetricName, rhs: String) -> Bool { lhs.rawValue != rhs }
}

extension Dictionary where Key == String {
  /// The value stored under a metric's name (`EpochRecord.metrics` keys by `rawValue`).
  package subscript(_ name: MetricName) -> Value? {
    get { self[name.rawValue] }
    set { self[name.rawValue] = newValue }
  }
}
