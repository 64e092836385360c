import Foundation

/// How features are rescaled, parsed from `--normalize`.
package enum NormalizationMode: String, Sendable, Equatable, CaseIterable {
  /// z-score: `x' = (x − μ) / σ`, μ and σ from the training split.
  case standard
  /// `x' = (x − min) / (max − min)`, min and max from the training split.
  case minmax
  /// Features as loaded.
  case none

  /// Parses `standard` (also `z`, `zscore`), `minmax` (also `min-max`) or `none`.
  package static func parse(_ text: String) throws -> NormalizationMode {
    switch text.lowercased() {
    case "standard", "z", "zscore", "z-score": .standard
    case "minmax", "min-max": .minmax
    case "none", "off": NormalizationMode.none
    default:
      throw DataOptionError(.normalization, "'\(text)' is not standard, minmax or none")
    }
  }
}

/// An affine rescaling `x' = (x − shift) · factor` fitted on the training split only.
///
/// Per feature for tabular data; one global shift and factor over all pixels for images (so a
/// pixel that is always 0 in training, such as an MNIST corner, is not blown up by a tiny σ).
/// A feature with zero variance (standard) or zero range (minmax) gets factor 1, so it maps to
/// `x − shift` (0 on the training data) instead of dividing by zero.
package struct Normalizer: Sendable, Equatable {
  package var mode: NormalizationMode
  /// One value per feature, or a single value for global normalization.
  package var shift: [Float]
  package var factor: [Float]

  /// Fits on `features` (`[samples, …]`): per feature when `perFeature`, else one global value.
  package static func fit(_ features: Tensor, mode: NormalizationMode, perFeature: Bool)
    -> Normalizer
  {
    guard mode != .none else { return Normalizer(mode: .none, shift: [0], factor: [1]) }
    return fit(statistics: FeatureStatistics(features, perFeature: perFeature), mode: mode)
  }

  /// Fits from statistics already computed on the training split.
  package static func fit(statistics stats: FeatureStatistics, mode: NormalizationMode)
    -> Normalizer
  {
    guard mode != .none else { return Normalizer(mode: .none, shift: [0], factor: [1]) }
    let width = stats.mean.count
    var shift = [Float](repeating: 0, count: width)
    var factor = [Float](repeating: 1, count: width)
    for j in 0..<width {
      switch mode {
      case .standard:
        shift[j] = Float(stats.mean[j])
        let sigma = stats.variance[j].squareRoot()
        factor[j] = sigma > 1e-12 ? Float(1 / sigma) : 1
      case .minmax:
        shift[j] = Float(stats.minimum[j])
        let range = stats.maximum[j] - stats.minimum[j]
        factor[j] = range > 1e-12 ? Float(1 / range) : 1
      case .none:
        break
      }
    }
    return Normalizer(mode: mode, shift: shift, factor: factor)
  }

  /// `features` rescaled with the fitted values.
  package func apply(_ features: Tensor) -> Tensor {
    var out = features
    apply(to: &out)
    return out
  }

  /// Rescales `features` in place (no copy when the storage is not shared).
  package func apply(to out: inout Tensor) {
    guard mode != .none else { return }
    let width = shift.count
    precondition(
      width == 1 || width == out.columnsPerRow,
      "Normalizer fitted on \(width) features, applied to samples of \(out.columnsPerRow)")
    shift.withUnsafeBufferPointer { s in
      factor.withUnsafeBufferPointer { f in
        out.scalars.withUnsafeMutableBufferPointer { x in
          if width == 1 {
            for i in 0..<x.count { x[i] = (x[i] - s[0]) * f[0] }
          } else {
            var j = 0
            for i in 0..<x.count {
              x[i] = (x[i] - s[j]) * f[j]
              j += 1
              if j == width { j = 0 }
            }
          }
        }
      }
    }
  }

  /// A warning when a split's feature means are far from the training split's.
  ///
  /// The distance of a feature is `|mean_split − mean_train| / σ_train`; the warning is given when
  /// any feature is more than `threshold` (default 1) training standard deviations away
  /// (SPEC: train and test must come from one distribution). Constant training features count as
  /// drifting when the split's mean differs at all.
  package static func driftWarning(
    train: Tensor, other: Tensor, splitName: String, featureNames: [String]?, perFeature: Bool,
    threshold: Double = 1
  ) -> String? {
    guard train.rows > 0 else { return nil }
    return driftWarning(
      trainStatistics: FeatureStatistics(train, perFeature: perFeature), other: other,
      splitName: splitName, featureNames: featureNames, perFeature: perFeature,
      threshold: threshold)
  }

  /// `driftWarning(train:…)` with the training statistics computed once by the caller.
  package static func driftWarning(
    trainStatistics a: FeatureStatistics, other: Tensor, splitName: String,
    featureNames: [String]?, perFeature: Bool, threshold: Double = 1
  ) -> String? {
    guard other.rows > 0 else { return nil }
    let b = FeatureStatistics(other, perFeature: perFeature)
    var distances: [(Double, Int)] = []
    for j in a.mean.indices {
      let sigma = a.variance[j].squareRoot()
      let gap = abs(b.mean[j] - a.mean[j])
      let distance = sigma > 1e-12 ? gap / sigma : (gap > 1e-9 ? .infinity : 0)
      if distance > threshold { distances.append((distance, j)) }
    }
    guard let worst = distances.max(by: { $0.0 < $1.0 }) else { return nil }
    let name =
      !perFeature
      ? "the mean pixel value"
      : featureNames.map { "feature '\($0[worst.1])'" } ?? "feature \(worst.1 + 1)"
    let amount =
      worst.0.isFinite ? "\(String(format: "%.1f", worst.0))σ" : "some amount (constant in train)"
    let others = distances.count > 1 ? " (\(distances.count) features beyond \(threshold)σ)" : ""
    return "\(splitName): \(name) differs from train by \(amount)\(others); "
      + "\(splitName) and train may not come from one distribution"
  }
}
