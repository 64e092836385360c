/// The parameters of one layer, for per-layer statistics (gradient norm, update ratio).
struct ParameterGroup {
  let layer: String
  let parameters: [Parameter]

  /// Σ g² over the layer's parameters.
  var gradientSquaredNorm: Double {
    parameters.reduce(0) { $0 + TrainingMath.squaredSum($1.grad) }
  }

  /// Σ w² over the layer's parameters.
  var weightSquaredNorm: Double {
    parameters.reduce(0) { $0 + TrainingMath.squaredSum($1.value) }
  }
}
