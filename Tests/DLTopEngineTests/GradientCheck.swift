@testable import DLTopEngine

/// Central-difference gradient checks in Float (h ≈ 1e-3), compared by relative error
/// `|a − b| / max(1, |a|, |b|)`, as STYLE.md's testing habits describe.
enum GradientCheck {
  static let step: Float = 1e-3
  static let tolerance: Float = 1e-2

  /// A tensor of `shape` with entries uniform in `[-scale, scale]`, pushed at least `gap` away from 0
  /// (so kinks such as ReLU's at 0 are never straddled by ±h).
  static func random(_ shape: [Int], seed: UInt64, scale: Float = 1, gap: Float = 0) -> Tensor {
    var generator = SeededGenerator(seed: seed)
    let count = shape.reduce(1, *)
    let scalars = (0..<count).map { _ -> Float in
      let value = (generator.nextUnitFloat() * 2 - 1) * scale
      return value >= 0 ? value + gap : value - gap
    }
    return Tensor(shape: shape, scalars: scalars)
  }

  /// The largest relative difference and a message with the first values, for `#expect`.
  static func compare(_ analytic: Tensor, _ numeric: [Float], label: String) -> (
    error: Float, message: String
  ) {
    var worst: Float = 0
    var worstIndex = 0
    for (i, (a, b)) in zip(analytic.scalars, numeric).enumerated() {
      let error = abs(a - b) / max(1, abs(a), abs(b))
      if !(error <= worst) {
        worst = error.isNaN ? .infinity : error
        worstIndex = i
      }
    }
    let message =
      "\(label): max relative difference \(worst) at \(worstIndex); analytic "
      + "\(analytic.scalars.prefix(5)) numeric \(numeric.prefix(5))"
    return (worst, message)
  }

  /// Checks `dx` and every parameter gradient of `layer` at `input` against central differences
  /// of `L = Σ forward(x) ⊙ R` for a fixed random `R` (so `dout = R`).
  static func checkLayer(_ layer: any Layer, input: Tensor, training: Bool, label: String)
    -> [(error: Float, message: String)]
  {
    let out = layer.forward(input, training: training)
    let weights = random(out.shape, seed: 0xD0_0D, scale: 1)
    func objective(_ x: Tensor) -> Float {
      let y = layer.forward(x, training: training)
      var total: Float = 0
      for (a, b) in zip(y.scalars, weights.scalars) { total += a * b }
      return total
    }
    _ = layer.forward(input, training: training)
    for parameter in layer.parameters { parameter.zeroGrad() }
    let dx = layer.backward(weights)
    var results: [(error: Float, message: String)] = []
    if dx.shape != input.shape {
      results.append(
        (.infinity, "\(label): dx shape \(dx.shape) differs from input \(input.shape)"))
    }
    let analyticGradients = layer.parameters.map(\.grad)
    var x = input
    var numeric = [Float](repeating: 0, count: x.count)
    for i in 0..<x.count {
      let original = x[i]
      x[i] = original + step
      let plus = objective(x)
      x[i] = original - step
      let minus = objective(x)
      x[i] = original
      numeric[i] = (plus - minus) / (2 * step)
    }
    results.append(compare(dx, numeric, label: "\(label) dx"))
    for (parameter, analytic) in zip(layer.parameters, analyticGradients) {
      let saved = parameter.value
      var numeric = [Float](repeating: 0, count: saved.count)
      for i in 0..<saved.count {
        parameter.value[i] = saved[i] + step
        let plus = objective(input)
        parameter.value[i] = saved[i] - step
        let minus = objective(input)
        parameter.value = saved
        numeric[i] = (plus - minus) / (2 * step)
      }
      results.append(compare(analytic, numeric, label: "\(label) \(parameter.name)"))
    }
    return results
  }

  /// Checks `loss.backward()` against central differences of `loss.forward` at `prediction`.
  static func checkLoss(_ loss: any Loss, prediction: Tensor, targets: Targets, label: String)
    -> (error: Float, message: String)
  {
    _ = loss.forward(prediction, targets)
    let analytic = loss.backward()
    var p = prediction
    var numeric = [Float](repeating: 0, count: p.count)
    for i in 0..<p.count {
      let original = p[i]
      p[i] = original + step
      let plus = loss.forward(p, targets)
      p[i] = original - step
      let minus = loss.forward(p, targets)
      p[i] = original
      numeric[i] = (plus - minus) / (2 * step)
    }
    if analytic.shape != prediction.shape {
      return (
        .infinity, "\(label): gradient shape \(analytic.shape) differs from \(prediction.shape)"
      )
    }
    return compare(analytic, numeric, label: label)
  }
}
