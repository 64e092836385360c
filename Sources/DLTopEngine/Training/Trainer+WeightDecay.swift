extension Trainer {
  /// L2 weight decay on the parameters that decay (weights, not biases): adds `λ·W` to each
  /// gradient and returns the penalty `½λΣw²` to add to the reported loss (seed 002).
  func applyWeightDecay() -> Double {
    let lambda = Float(configuration.l2)
    var sum: Double = 0
    for parameter in parameters where parameter.decays {
      sum += TrainingMath.squaredSum(parameter.value)
      parameter.value.scalars.withUnsafeBufferPointer { w in
        parameter.grad.scalars.withUnsafeMutableBufferPointer { g in
          for i in 0..<g.count { g[i] += lambda * w[i] }
        }
      }
    }
    return 0.5 * configuration.l2 * sum
  }

  /// Per layer ‖W_after − W_before‖² and ‖W_after‖², from the values before the update
  /// (`before` is in `parameters` order, which is the groups' order flattened).
  func updateRatios(before: [Tensor]) -> [(delta: Double, weight: Double)] {
    var index = 0
    return groups.map { group in
      var delta: Double = 0
      var weight: Double = 0
      for parameter in group.parameters {
        delta += TrainingMath.squaredDistance(parameter.value, before[index])
        weight += TrainingMath.squaredSum(parameter.value)
        index += 1
      }
      return (delta, weight)
    }
  }
}
