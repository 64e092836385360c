import Foundation

/// Mean squared error, mean absolute error and R² of real-valued predictions.
///
/// With several outputs, MSE and MAE average over every value and R² is the mean of the
/// per-output R² (scikit-learn's `uniform_average`). An output whose targets are constant has
/// R² 1 when predicted exactly and 0 otherwise (as scikit-learn).
package struct RegressionReport: Sendable, Equatable {
  package var count: Int
  package var meanSquaredError: Double
  package var meanAbsoluteError: Double
  package var rSquared: Double

  /// - Parameters:
  ///   - predictions: `[samples, outputs]`.
  ///   - targets: the same shape.
  package init(predictions: Tensor, targets: Tensor) {
    precondition(
      predictions.count == targets.count && predictions.rows == targets.rows,
      "RegressionReport: predictions \(predictions.shape) vs targets \(targets.shape)")
    let n = targets.rows
    let outputs = targets.columnsPerRow
    count = n
    var squared = 0.0
    var absolute = 0.0
    var mean = [Double](repeating: 0, count: outputs)
    for i in 0..<targets.count {
      mean[i % outputs] += Double(targets.scalars[i]) / Double(max(n, 1))
    }
    var residual = [Double](repeating: 0, count: outputs)
    var spread = [Double](repeating: 0, count: outputs)
    for i in 0..<targets.count {
      let y = Double(targets.scalars[i])
      let error = Double(predictions.scalars[i]) - y
      squared += error * error
      absolute += abs(error)
      residual[i % outputs] += error * error
      spread[i % outputs] += (y - mean[i % outputs]) * (y - mean[i % outputs])
    }
    let values = Double(max(targets.count, 1))
    meanSquaredError = squared / values
    meanAbsoluteError = absolute / values
    let perOutput = (0..<outputs).map { j in
      spread[j] == 0 ? (residual[j] == 0 ? 1.0 : 0.0) : 1 - residual[j] / spread[j]
    }
    rSquared = perOutput.reduce(0, +) / Double(max(outputs, 1))
  }

  /// A plain-text table of the three figures and the sample count.
  package var tableText: String {
    """
    samples  \(count)
    MSE      \(String(format: "%.6g", meanSquaredError))
    MAE      \(String(format: "%.6g", meanAbsoluteError))
    R²       \(String(format: "%.4f", rSquared))

    """
  }
}
