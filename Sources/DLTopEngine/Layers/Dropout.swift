/// Inverted dropout: in training, each unit is zeroed with probability `rate` and the kept ones
/// are scaled by `1/(1 − rate)`, so the expected activation is unchanged and inference is the
/// identity (no rescaling at test time).
///
/// The mask comes from a `SeededGenerator` owned by the layer, so a seed repeats a run exactly.
package final class Dropout: Layer {
  package let name: String
  /// The probability of dropping a unit, in `[0, 1)`.
  package let rate: Float
  private var generator: SeededGenerator
  private var mask: [Float] = []  // [batch, …]: 0 or 1/(1 − rate)
  private var lastWasTraining = false
  /// When set, training passes reuse the last mask instead of drawing a new one (gradient checks
  /// need the same function on every evaluation).
  var holdsMask = false

  /// - Parameters:
  ///   - rate: the drop probability `p`, `0 ≤ p < 1`.
  ///   - seed: the seed of this layer's mask generator.
  package init(name: String, rate: Float, seed: UInt64) {
    precondition(rate >= 0 && rate < 1, "Dropout \(name): rate \(rate) must be in [0, 1)")
    self.name = name
    self.rate = rate
    self.generator = SeededGenerator(seed: seed)
  }

  /// The mask generator's state, saved and restored when a run is resumed.
  package var generatorState: UInt64 {
    get { generator.currentState }
    set { generator = SeededGenerator(seed: newValue) }
  }

  package func outputShape(forInput sampleShape: [Int]) -> [Int] { sampleShape }

  package func forward(_ x: Tensor, training: Bool) -> Tensor {
    lastWasTraining = training
    guard training && rate > 0 else { return x }
    if !(holdsMask && mask.count == x.count) {
      let keep = 1 - rate
      let scale = 1 / keep
      mask = [Float](repeating: 0, count: x.count)
      mask.withUnsafeMutableBufferPointer { m in
        for i in m.indices where generator.nextUnitFloat() < keep { m[i] = scale }
      }
    }
    var out = x
    out.scalars.withUnsafeMutableBufferPointer { y in
      mask.withUnsafeBufferPointer { m in
        for i in y.indices { y[i] *= m[i] }
      }
    }
    return out
  }

  package func backward(_ dout: Tensor) -> Tensor {
    guard lastWasTraining && rate > 0 else { return dout }
    precondition(
      dout.count == mask.count, "Dropout \(name): dout \(dout.shape) does not match the last input")
    var dx = dout
    dx.scalars.withUnsafeMutableBufferPointer { d in
      mask.withUnsafeBufferPointer { m in
        for i in d.indices { d[i] *= m[i] }
      }
    }
    return dx
  }
}
